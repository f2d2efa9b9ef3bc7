package python

// String literals for the fast parser: where one ends, as gpython's lexer finds it, and the
// value gpython gives it, escapes decoded as its lexer decodes them (which differs from CPython in places: an unknown escape, \N{...}, and
// \u in bytes stay as written; \x takes a sign). A literal gpython would refuse is declined.

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// fStringValue returns the value of a string literal token, whether it is bytes, and false
// where the fast parser leaves the literal to gpython.
func fStringValue(lit string) (value string, isBytes, ok bool) {
	raw := false
	for lit[0] != '\'' && lit[0] != '"' {
		isBytes = isBytes || lit[0]|0x20 == 'b'
		raw = raw || lit[0]|0x20 == 'r'
		lit = lit[1:]
	}
	q := 1
	if len(lit) >= 6 && lit[1] == lit[0] && lit[2] == lit[0] {
		q = 3
	}
	body := lit[q : len(lit)-q]
	if strings.IndexByte(body, '\r') >= 0 {
		body = strings.ReplaceAll(body, "\r\n", "\n") // as gpython reads lines
	}
	if isBytes {
		for i := range len(body) {
			if body[i] >= utf8.RuneSelf {
				return "", false, false
			}
		}
	}
	if raw || strings.IndexByte(body, '\\') < 0 {
		return body, isBytes, true
	}
	value, ok = fUnescape(body, isBytes)
	return value, isBytes, ok
}

// fUnescape decodes the escapes of a literal's text as gpython does; false where gpython
// reports an error.
func fUnescape(body string, bytesMode bool) (string, bool) {
	var out strings.Builder
	runes := []rune(body)
	write := func(r rune) {
		if bytesMode {
			out.WriteByte(byte(r))
		} else {
			out.WriteRune(r)
		}
	}
	for i := 0; i < len(runes); i++ {
		c := runes[i]
		if c != '\\' {
			out.WriteRune(c)
			continue
		}
		i++
		if i >= len(runes) {
			return "", false
		}
		if r, ok := fSimpleEscapes[runes[i]]; ok {
			out.WriteRune(r)
			continue
		}
		switch c = runes[i]; {
		case '0' <= c && c <= '7':
			v := c - '0'
			for k := 0; k < 2 && i+1 < len(runes) && '0' <= runes[i+1] && runes[i+1] <= '7'; k++ {
				i++
				v = v<<3 + runes[i] - '0'
			}
			write(v)
		case c == 'x' || !bytesMode && (c == 'u' || c == 'U'):
			size := map[rune]int{'x': 2, 'u': 4, 'U': 8}[c]
			if i+1+size > len(runes) {
				return "", false
			}
			v, err := strconv.ParseInt(string(runes[i+1:i+1+size]), 16, 32)
			if err != nil {
				return "", false
			}
			write(rune(v))
			i += size
		default:
			// Kept as written, the backslash with what follows.
			out.WriteRune('\\')
			i--
		}
	}
	return out.String(), true
}

// fSimpleEscapes are the one-letter escapes.
var fSimpleEscapes = map[rune]rune{
	'\\': '\\', '\'': '\'', '"': '"', 'b': '\b', 'f': '\f', 't': '\t', 'n': '\n', 'r': '\r', 'v': '\v', 'a': '\a',
}

// str reads a string literal whose prefix starts at start and whose quote is at q. A prefix
// gpython does not know, a continued line, or a byte that is not valid UTF-8 makes it fBad:
// only the tokenizer's place in the text has to be right then.
func (x *fLexer) str(start, q int) (int, bool) {
	good := fStringPrefix(x.src[start:q])
	quote := x.src[q : q+1]
	if q+2 < len(x.src) && x.src[q+1] == x.src[q] && x.src[q+2] == x.src[q] {
		quote = x.src[q : q+3]
	}
	i := q + len(quote)
	startLine, startCol := x.line, start-x.lineStart
	ascii := true
	for {
		if i >= len(x.src) {
			return 0, false
		}
		c := x.src[i]
		switch {
		case c == '\\':
			// An escape: fStringValue decodes it. A backslash before a line break continues
			// the string on the next line, and gpython drops both even in a raw string: that
			// is left to gpython.
			if x.crlf(i + 1) {
				i++
			}
			if i+1 < len(x.src) && x.src[i+1] == '\n' {
				good = false
				x.newLine(i + 2)
			}
			i += 2
			continue
		case c == '\n':
			if len(quote) == 1 {
				return 0, false
			}
			x.newLine(i + 1)
		case c == '\r':
			if len(quote) == 1 || !x.crlf(i) {
				return 0, false
			}
			// gpython reads CRLF as LF: fStringBody drops the CR.
		case c >= utf8.RuneSelf:
			ascii = false
		case c == quote[0] && i+len(quote) <= len(x.src) && x.src[i:i+len(quote)] == quote:
			end := i + len(quote)
			if !ascii && !utf8.ValidString(x.src[q:end]) {
				good = false
			}
			kind := fStr
			if !good {
				kind = fBad
			}
			x.push(fTok{kind: kind, text: x.src[start:end], start: int32(start),
				line: int32(startLine), col: int32(startCol)})
			return end, true
		}
		i++
	}
}

// fStringPrefix reports whether p is a string prefix gpython reads (f-strings were normalised
// away before): none, r, u, b, or rb/br in any case.
func fStringPrefix(p string) bool {
	switch len(p) {
	case 0:
		return true
	case 1:
		return p == "r" || p == "R" || p == "u" || p == "U" || p == "b" || p == "B"
	case 2:
		a, b := p[0]|0x20, p[1]|0x20
		return a == 'r' && b == 'b' || a == 'b' && b == 'r'
	}
	return false
}
