package golang

import (
	"strconv"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
)

// argParser reads a directive's arguments:
//
//	args  = { [key "="] value }            separated by spaces
//	value = quoted | list | map | word
//	list  = "[" [ value { "," value } ] "]"
//	map   = "{" [ key "=" value { "," key "=" value } ] "}"
//
// A quoted value is a Go string literal and stays a string; a word is an int, a float, true or
// false when it reads as one, else a string. At the top level a word runs to the next space;
// inside a list or map it also stops at ',', ']', '}' (and a map key at '='). A "//" where an
// argument would start begins a comment.
type argParser struct {
	s     string
	i     int
	err   string
	errAt int
}

type parsedArg struct {
	name string
	val  ir.Value
	off  int // where the argument starts in s
}

// arg reads the next argument; ok is false at the end or on an error.
func (p *argParser) arg() (parsedArg, bool) {
	p.space()
	if p.i >= len(p.s) || p.err != "" || strings.HasPrefix(p.s[p.i:], "//") { // a comment ends the line
		return parsedArg{}, false
	}
	a := parsedArg{off: p.i}
	if n := identLen(p.s[p.i:]); n > 0 && p.i+n < len(p.s) && p.s[p.i+n] == '=' {
		a.name = p.s[p.i : p.i+n]
		p.i += n + 1
	}
	a.val = p.value(true)
	return a, p.err == ""
}

func (p *argParser) value(top bool) ir.Value {
	if p.i >= len(p.s) {
		p.fail("a value is missing")
		return ir.Value{Kind: ir.ValNone}
	}
	switch p.s[p.i] {
	case '"', '`':
		return ir.Value{Kind: ir.ValString, Str: p.quoted()}
	case '[':
		return p.list()
	case '{':
		return p.dict()
	}
	w := p.word(top, false)
	if w == "" {
		p.fail("a value is missing")
		return ir.Value{Kind: ir.ValNone}
	}
	return wordValue(w)
}

func (p *argParser) list() ir.Value {
	v := ir.Value{Kind: ir.ValList, List: []ir.Value{}}
	p.i++ // [
	for p.space(); p.err == "" && !p.eat(']'); p.space() {
		if len(v.List) > 0 && !p.expect(',') {
			break
		}
		p.space()
		v.List = append(v.List, p.value(false))
	}
	return v
}

func (p *argParser) dict() ir.Value {
	v := ir.Value{Kind: ir.ValDict}
	p.i++ // {
	for p.space(); p.err == "" && !p.eat('}'); p.space() {
		if len(v.Keys) > 0 && !p.expect(',') {
			break
		}
		p.space()
		var key string
		if p.i < len(p.s) && (p.s[p.i] == '"' || p.s[p.i] == '`') {
			key = p.quoted()
		} else {
			key = p.word(false, true)
		}
		if p.err == "" && key == "" {
			p.fail("a map key is missing")
		}
		p.space()
		if !p.expect('=') {
			break
		}
		p.space()
		v.Keys = append(v.Keys, ir.Value{Kind: ir.ValString, Str: key})
		v.Elems = append(v.Elems, p.value(false))
	}
	return v
}

// quoted reads a Go string literal.
func (p *argParser) quoted() string {
	q := p.s[p.i]
	for j := p.i + 1; j < len(p.s); j++ {
		switch {
		case p.s[j] == '\\' && q == '"':
			j++
		case p.s[j] == q:
			s, err := strconv.Unquote(p.s[p.i : j+1])
			if err != nil {
				p.fail("bad string " + p.s[p.i:j+1])
				return ""
			}
			p.i = j + 1
			return s
		}
	}
	p.fail("unterminated string")
	return ""
}

func (p *argParser) word(top, key bool) string {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == ' ' || c == '\t' || !top && (c == ',' || c == ']' || c == '}') || key && c == '=' {
			break
		}
		p.i++
	}
	return p.s[start:p.i]
}

// wordValue types a bare word: an int, a float, true or false, else a string.
func wordValue(w string) ir.Value {
	switch w {
	case "true":
		return ir.Value{Kind: ir.ValBool, Bool: true, Str: "True"} // Str in the IR's literal form
	case "false":
		return ir.Value{Kind: ir.ValBool, Bool: false, Str: "False"}
	}
	if c := w[0]; c == '-' || c == '+' || c == '.' || '0' <= c && c <= '9' {
		if n, err := strconv.ParseInt(w, 10, 64); err == nil {
			return ir.Value{Kind: ir.ValInt, Int: n, Str: strconv.FormatInt(n, 10)}
		}
		if x, err := strconv.ParseFloat(w, 64); err == nil && !strings.ContainsAny(w, "xXpP_") {
			return ir.Value{Kind: ir.ValFloat, Float: x, Str: strconv.FormatFloat(x, 'g', -1, 64)}
		}
	}
	return ir.Value{Kind: ir.ValString, Str: w}
}

func (p *argParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *argParser) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *argParser) expect(c byte) bool {
	if p.eat(c) {
		return true
	}
	if p.i >= len(p.s) {
		p.fail("unexpected end; want " + strconv.QuoteRune(rune(c)))
	} else {
		p.fail("unexpected " + strconv.QuoteRune(rune(p.s[p.i])) + "; want " + strconv.QuoteRune(rune(c)))
	}
	return false
}

func (p *argParser) fail(msg string) {
	if p.err == "" {
		p.err, p.errAt = msg, p.i
	}
}

// identLen is the length of the identifier at the start of s, 0 when there is none.
func identLen(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9' {
			continue
		}
		return i
	}
	return len(s)
}
