package python

// This file holds what CPython refuses in a source file before it parses it, and gpython
// accepts: a NUL byte, bytes that are not UTF-8, indentation whose meaning depends on the width
// of a tab, and a decimal integer literal too long to convert. A flow holding one would compile
// and then fail to import in the image, so flowc reports it where CPython would.

import (
	"bytes"
	"fmt"
	"regexp"
	"unicode/utf8"
)

// normMaxIntDigits is CPython's default limit (3.11 and later) on the digits of a decimal int
// literal: "Exceeds the limit (4300 digits) for integer string conversion".
const normMaxIntDigits = 4300

// refused returns the offset of the first thing CPython refuses to read in the file and what it
// is, or "" when there is none.
func (n *normalizer) refused() (int, string) {
	off, what := n.encodingRefused()
	for _, f := range []func() (int, string){n.tabRefused, n.intRefused} {
		if o, w := f(); w != "" && (what == "" || o < off) {
			off, what = o, w
		}
	}
	return off, what
}

// encodingRefused finds a NUL byte or a byte sequence that is not UTF-8, anywhere in the file:
// in a string or a comment too, where CPython refuses them as well.
func (n *normalizer) encodingRefused() (int, string) {
	src := n.src
	if i := bytes.IndexByte(src, 0); i >= 0 && utf8.Valid(src[:i]) {
		return i, "a NUL byte, which CPython refuses in source code; write it as \"\\0\" in a string"
	}
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && w <= 1 {
			if enc := codingCookie(src); enc != "" {
				return i, fmt.Sprintf("byte 0x%02x is not UTF-8: the file declares its encoding %s, and flowc reads UTF-8 only; save the file as UTF-8", src[i], enc)
			}
			return i, fmt.Sprintf("byte 0x%02x is not UTF-8, which Python reads source files as; save the file as UTF-8", src[i])
		}
		i += w
	}
	return 0, ""
}

// cookieRE is PEP 263's encoding declaration, in a comment on one of the first two lines.
var cookieRE = regexp.MustCompile(`^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`)

// codingCookie returns the encoding the file declares, or "".
func codingCookie(src []byte) string {
	lines := bytes.SplitN(src, []byte("\n"), 3)
	for _, line := range lines[:min(2, len(lines))] {
		if m := cookieRE.FindSubmatch(line); m != nil {
			return string(m[1])
		}
	}
	return ""
}

// tabRefused finds the first logical line whose indentation compares differently with a tab as
// 8 columns and as 1, which CPython refuses with TabError (its tokenizer's "altcol" check).
func (n *normalizer) tabRefused() (int, string) {
	type level struct{ col, alt int }
	stack := []level{{}}
	for _, off := range n.logical {
		line, _ := n.position(off)
		var cur level
		for i := n.lineStarts[line-1]; i < off; i++ {
			switch n.src[i] {
			case '\t':
				cur.col, cur.alt = cur.col/8*8+8, cur.alt+1
			default:
				cur.col, cur.alt = cur.col+1, cur.alt+1
			}
		}
		for len(stack) > 1 && cur.col < stack[len(stack)-1].col {
			stack = stack[:len(stack)-1]
		}
		top := stack[len(stack)-1]
		switch {
		case cur.col > top.col && cur.alt > top.alt:
			stack = append(stack, cur)
		case cur.col == top.col && cur.alt == top.alt:
		case cur.col >= top.col || cur.alt > top.alt:
			return off, "inconsistent use of tabs and spaces in indentation (Python's TabError): indent with spaces only"
		}
	}
	return 0, ""
}

// intRefused finds a decimal int literal with more digits than CPython converts.
func (n *normalizer) intRefused() (int, string) {
	for _, t := range n.toks {
		if t.kind != tokNumber || t.end-t.start <= normMaxIntDigits {
			continue
		}
		lit := n.src[t.start:t.end]
		if bytes.ContainsAny(lit, ".eEjJxXoObB") {
			continue // a float, an imaginary number, or a literal in another base
		}
		if d := len(lit) - bytes.Count(lit, []byte("_")); d > normMaxIntDigits {
			return t.start, fmt.Sprintf("int literal of %d digits; Python refuses more than %d in a decimal literal: write it in hexadecimal", d, normMaxIntDigits)
		}
	}
	return 0, ""
}
