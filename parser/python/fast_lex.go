package python

// This file is the tokenizer of the fast parser (fast_parse.go): it splits normalised source
// into the tokens gpython's lexer would produce, at the same positions, for the plain Python
// that flows are made of. It does not try to cover the language: at the first thing it is not
// sure to read exactly as gpython does (a tab in indentation, a non-ASCII name, a carriage
// return, an unclosed bracket) it stops, and gpython reads the rest of the file. A token it can
// delimit but not decode (a string with escapes, an unusual number) is kept as fBad, which the
// parser declines, so that the statement holding it goes to gpython too.

import (
	"unicode/utf8"

	"github.com/go-python/gpython/ast"
)

type fKind uint8

const (
	fName    fKind = iota // identifiers and keywords
	fNum                  // a number gpython reads the same way (decoded by the parser)
	fStr                  // a string without escapes; text holds the whole literal
	fOp                   // an operator or bracket
	fNewline              // the end of a logical line
	fIndent
	fDedent
	fEnd // end of input, or where the tokenizer stopped
	fBad // a token the parser must not accept
)

// fTok is one token: text is the source slice it was read from, start its offset, line and
// col its 1-based line and 0-based byte column (gpython's ColOffset). Kept small: the tokens
// of a whole top-level statement (a flow class) are held at once.
type fTok struct {
	text             string
	start, line, col int32
	kind             fKind
}

func (t *fTok) pos() ast.Pos { return ast.Pos{Lineno: int(t.line), ColOffset: int(t.col)} }

// fLexer holds the state of one tokenization. It reads one logical line at a time, on demand,
// into toks, which its reader empties between top-level statements: only the tokens of one
// top-level statement are held at a time.
type fLexer struct {
	src         string
	toks        []fTok
	off         int // where the next logical line starts
	line        int // 1-based line of lineStart
	lineStart   int
	indents     []int
	brackets    []byte // open brackets, innermost last
	stopped     int    // where the tokenizer stopped, or -1
	done        bool   // fEnd was emitted
	lastComment int    // where the last comment starts, or -1
}

func newFLexer(src string) *fLexer {
	return &fLexer{src: src, line: 1, indents: []int{0}, stopped: -1, lastComment: -1, toks: make([]fTok, 0, 64)}
}

// push appends a token, doubling the buffer when it is full: a flow class's tokens are held at
// once, and append's gentler growth for large slices would allocate five times their size.
func (x *fLexer) push(t fTok) {
	if len(x.toks) == cap(x.toks) {
		grown := make([]fTok, len(x.toks), 2*cap(x.toks)+64)
		copy(grown, x.toks)
		x.toks = grown
	}
	x.toks = append(x.toks, t)
}

// comment notes a comment starting at i, if one does.
func (x *fLexer) comment(i int) {
	if i < len(x.src) && x.src[i] == '#' {
		x.lastComment = i
	}
}

// more reads the next logical line into toks, with the lines before it that hold no tokens;
// at the end of the input, or at the first line it does not read exactly as gpython does, it
// emits fEnd (and keeps emitting it). stopped is then the start of that line, or -1 at the
// end of the input.
func (x *fLexer) more() {
	if x.done {
		x.push(fTok{kind: fEnd, start: int32(len(x.src))})
		if x.stopped >= 0 {
			x.toks[len(x.toks)-1].start = int32(x.stopped)
		}
		return
	}
	n := len(x.toks)
	for x.off < len(x.src) {
		start := x.off
		next, ok, blank := x.logicalLine(start)
		if !ok {
			x.toks = x.toks[:n] // the tokens of the line that could not be read
			x.stopped, x.done = x.lineStartOf(start), true
			x.push(fTok{kind: fEnd, start: int32(x.stopped)})
			return
		}
		x.off = next
		if !blank {
			return
		}
	}
	for len(x.indents) > 1 {
		x.indents = x.indents[:len(x.indents)-1]
		x.emit(fDedent, len(x.src), len(x.src))
	}
	x.done = true
	x.push(fTok{kind: fEnd, start: int32(len(x.src))})
}

func (x *fLexer) lineStartOf(off int) int {
	for off > 0 && x.src[off-1] != '\n' {
		off--
	}
	return off
}

// newLine records that a physical line starts at off.
func (x *fLexer) newLine(off int) {
	x.line++
	x.lineStart = off
}

func (x *fLexer) emit(kind fKind, start, end int) {
	x.push(fTok{kind: kind, text: x.src[start:end], start: int32(start),
		line: int32(x.line), col: int32(start - x.lineStart)})
}

// logicalLine reads the line starting at i (a blank or comment line, or a logical line with its
// indentation), and returns where the next one starts.
func (x *fLexer) logicalLine(i int) (next int, ok, blank bool) {
	j, width := i, 0
	for ; j < len(x.src) && (x.src[j] == ' ' || x.src[j] == '\t'); j++ {
		if x.src[j] == ' ' {
			width++
		} else {
			width += 8 - width&7 // to the next multiple of 8, as gpython counts a tab
		}
	}
	if j == len(x.src) || x.src[j] == '\n' || x.src[j] == '#' || x.crlf(j) {
		x.comment(j)
		end := j
		for end < len(x.src) && x.src[end] != '\n' {
			end++
		}
		if end < len(x.src) {
			end++
			x.newLine(end)
		}
		return end, true, true
	}
	if !x.indent(width, i, j) {
		return 0, false, false
	}
	next, ok = x.tokens(j)
	return next, ok, false
}

// indent emits INDENT or DEDENTs for a logical line indented by width.
// The INDENT is placed at column 0 as gpython places it, DEDENTs at the line's first token.
func (x *fLexer) indent(width, lineStart, first int) bool {
	top := x.indents[len(x.indents)-1]
	switch {
	case width > top:
		x.indents = append(x.indents, width)
		x.emit(fIndent, lineStart, lineStart)
	case width < top:
		for len(x.indents) > 1 && x.indents[len(x.indents)-1] > width {
			x.indents = x.indents[:len(x.indents)-1]
			x.emit(fDedent, first, first)
		}
		if x.indents[len(x.indents)-1] != width {
			return false // inconsistent dedent: gpython reports it
		}
	}
	return true
}

// tokens reads the tokens of one logical line from i, through its NEWLINE.
func (x *fLexer) tokens(i int) (int, bool) {
	first := len(x.toks)
	for {
		for i < len(x.src) && (x.src[i] == ' ' || x.src[i] == '\t') {
			i++
		}
		if i == len(x.src) || x.src[i] == '\n' || x.src[i] == '#' || x.crlf(i) {
			x.comment(i)
			if len(x.brackets) == 0 {
				x.emit(fNewline, i, i)
			} else if i == len(x.src) {
				return 0, false // unclosed bracket
			}
			for i < len(x.src) && x.src[i] != '\n' {
				i++
			}
			if i == len(x.src) {
				return i, len(x.brackets) == 0
			}
			i++
			x.newLine(i)
			if len(x.brackets) == 0 {
				return i, true
			}
			continue
		}
		c := x.src[i]
		var end int
		var ok bool
		switch {
		case c == '\\':
			next := i + 2
			if x.crlf(i + 1) {
				next++
			} else if i+1 >= len(x.src) || x.src[i+1] != '\n' {
				return 0, false
			}
			if next >= len(x.src) || len(x.toks) == first {
				return 0, false // a continuation at the end of the input, or starting a line
			}
			i = next
			x.newLine(i)
			continue
		case fIsDigit(c) || c == '.' && i+1 < len(x.src) && fIsDigit(x.src[i+1]):
			end, ok = x.number(i)
		case c == '\'' || c == '"':
			end, ok = x.str(i, i)
		case fIsNameStart(c):
			end = i + 1
			for end < len(x.src) && fIsNameChar(x.src[end]) {
				end++
			}
			if end < len(x.src) && (x.src[end] == '\'' || x.src[end] == '"') {
				end, ok = x.str(i, end)
			} else if end < len(x.src) && x.src[end] >= utf8.RuneSelf {
				return 0, false // a name gpython reads with Unicode rules
			} else {
				x.emit(fName, i, end)
				ok = true
			}
		default:
			end, ok = x.operator(i)
		}
		if !ok {
			return 0, false
		}
		i = end
	}
}

// crlf reports whether a CRLF line break starts at i: gpython reads it as LF (normalisation
// has turned every lone CR into LF).
func (x *fLexer) crlf(i int) bool {
	return i+1 < len(x.src) && x.src[i] == '\r' && x.src[i+1] == '\n'
}

func fIsDigit(c byte) bool     { return '0' <= c && c <= '9' }
func fIsNameStart(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }
func fIsNameChar(c byte) bool  { return fIsNameStart(c) || fIsDigit(c) }

// operator reads an operator or bracket at i, longest first as gpython does.
func (x *fLexer) operator(i int) (int, bool) {
	w := fOperatorWidth(x.src[i:])
	if w == 0 {
		return 0, false
	}
	switch c := x.src[i]; c {
	case '(', '[', '{':
		x.brackets = append(x.brackets, c)
	case ')', ']', '}':
		open := byte('(')
		if c != ')' {
			open = c - 2 // '[' and '{' are two below their closers
		}
		if len(x.brackets) == 0 || x.brackets[len(x.brackets)-1] != open {
			return 0, false
		}
		x.brackets = x.brackets[:len(x.brackets)-1]
	}
	x.emit(fOp, i, i+w)
	return i + w, true
}

// fOperatorWidth is the length of the longest operator gpython's lexer knows at the start of
// s, or 0.
func fOperatorWidth(s string) int {
	if len(s) >= 3 {
		switch s[:3] {
		case "**=", "...", "//=", "<<=", ">>=":
			return 3
		}
	}
	if len(s) >= 2 {
		switch s[:2] {
		case "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", "<<", "<=", "<>", "==", ">=", ">>", "^=", "|=":
			return 2
		}
	}
	switch s[0] {
	case '(', ')', '[', ']', ':', ',', ';', '+', '-', '*', '/', '|', '&', '<', '>', '=', '.', '%', '{', '}', '^', '~', '@':
		return 1
	}
	return 0
}
