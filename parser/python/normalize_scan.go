package python

// This file holds the normaliser's tokenizer: tokens, literals, identifiers and operators.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a normToken.
type tokKind uint8

const (
	tokNone    tokKind = iota // before the first or after the last token
	tokName                   // identifiers and keywords
	tokNumber                 // numeric literals
	tokString                 // string literals, prefix included
	tokOp                     // operators and delimiters
	tokNewline                // the end of a logical line
	tokBad                    // a byte Python does not accept outside strings and comments
)

// normToken is a token of the source. Whitespace, comments and line continuations are not tokens.
type normToken struct {
	start, end int
	depth      int // brackets open around the token
	pair       int // brackets: index of the matching bracket, -1 when there is none
	kind       tokKind
	prefix     uint8 // strings: length of the prefix (f, rb, ...)
	quotes     uint8 // strings: 1 or 3
	fstr       bool  // an f-string or t-string
	bad        bool  // an unterminated or malformed string
}

// tokenize splits src into tokens. A NEWLINE token ends each logical line that has tokens,
// as Python's tokenizer does; line breaks inside brackets or after a backslash are skipped.
func (n *normalizer) tokenize() {
	src := n.src
	i := 0
	if normHasBOM(src) {
		i = 3
	}
	var open []int // indices of unclosed brackets
	// Every token but the last NEWLINE holds a byte of its own, so the slice never grows: growing
	// it by a quarter at a time, as append does, allocated five times its size on dense input.
	// Pages of the capacity that no token uses are never touched.
	n.toks = make([]normToken, 0, len(src)+1)
	lineHasTok, lineStart, formFeed := false, true, -1
	for i < len(src) {
		switch c := src[i]; {
		case c == '\n' || c == '\r':
			if len(open) == 0 && lineHasTok {
				n.emit(normToken{kind: tokNewline, start: i, end: i + 1}, open)
				lineHasTok = false
			}
			i += max(normBreakAt(src, i), 1)
			lineStart, formFeed = true, -1
			continue
		case c == ' ' || c == '\t':
			i++
			continue
		case c == '\f':
			// Python ignores a form feed; gpython accepts it only on a line of its own.
			if lineStart && len(open) == 0 {
				formFeed = i
			} else {
				n.out[i] = ' '
			}
			i++
			continue
		case c == '#':
			i = n.skipLine(i)
			continue
		case c == '\\' && normBreakAt(src, i+1) > 0:
			i += 1 + normBreakAt(src, i+1)
			lineStart = false
			continue
		}
		if lineStart && formFeed >= 0 {
			n.note(formFeed, formFeed+1, spanUnsupported, "form feed in indentation")
		}
		if !lineHasTok {
			n.logical = append(n.logical, i)
		}
		lineStart, lineHasTok = false, true
		i = n.scanToken(i, &open)
	}
	if lineHasTok {
		n.emit(normToken{kind: tokNewline, start: len(src), end: len(src)}, open)
	}
	for i, k := range open {
		if i > normMaxBrackets && i < len(open)-1 {
			continue // past the limit, which is reported instead; only the innermost matters more
		}
		t := n.toks[k]
		// The span takes in the end of input, where gpython reports the error.
		n.note(t.start, len(src)+1, spanBroken, "'"+string(src[t.start])+"' was never closed")
	}
}

// skipLine returns the offset of the line break that ends the line holding i, or len(src).
func (n *normalizer) skipLine(i int) int {
	for i < len(n.src) && normBreakAt(n.src, i) == 0 {
		i++
	}
	return i
}

func (n *normalizer) emit(t normToken, open []int) {
	t.depth = len(open)
	t.pair = -1
	n.toks = append(n.toks, t)
}

// scanToken reads the token at src[i] and returns the offset after it.
func (n *normalizer) scanToken(i int, open *[]int) int {
	src := n.src
	c := src[i]
	switch {
	case c == '"' || c == '\'':
		return n.scanString(i, i, *open)
	case normIsDigit(c) || c == '.' && i+1 < len(src) && normIsDigit(src[i+1]):
		end := normScanNumber(src, i)
		n.emit(normToken{kind: tokNumber, start: i, end: end}, *open)
		return end
	}
	if end := normIdentEnd(src, i); end > i {
		if end < len(src) && normIsQuote(src[end]) && normIsPrefix(src[i:end]) {
			return n.scanString(i, end, *open)
		}
		n.emit(normToken{kind: tokName, start: i, end: end}, *open)
		return end
	}
	if w := normOpWidth(src, i); w > 0 {
		n.scanOp(i, i+w, open)
		return i + w
	}
	return n.scanBad(i, *open)
}

// scanOp emits an operator and pairs brackets.
func (n *normalizer) scanOp(start, end int, open *[]int) {
	c := n.src[start]
	switch c {
	case '(', '[', '{':
		n.emit(normToken{kind: tokOp, start: start, end: end}, *open)
		*open = append(*open, len(n.toks)-1)
		return
	case ')', ']', '}':
		if len(*open) == 0 {
			n.emit(normToken{kind: tokOp, start: start, end: end}, *open)
			n.note(start, end, spanBroken, "unmatched '"+string(c)+"'")
			return
		}
		o := (*open)[len(*open)-1]
		*open = (*open)[:len(*open)-1]
		n.emit(normToken{kind: tokOp, start: start, end: end}, *open)
		k := len(n.toks) - 1
		n.toks[k].pair, n.toks[o].pair = o, k
		if normCloser(n.src[n.toks[o].start]) != c {
			n.note(start, end, spanBroken, "'"+string(c)+"' does not match '"+string(n.src[n.toks[o].start])+"'")
		}
		return
	}
	n.emit(normToken{kind: tokOp, start: start, end: end}, *open)
}

func normCloser(c byte) byte {
	switch c {
	case '(':
		return ')'
	case '[':
		return ']'
	}
	return '}'
}

// scanBad emits a token for a character that Python rejects outside strings and comments.
func (n *normalizer) scanBad(i int, open []int) int {
	r, w := utf8.DecodeRune(n.src[i:])
	name := "invalid character"
	class := spanBroken
	switch {
	case r == utf8.RuneError && w <= 1:
		name, w = "invalid UTF-8", 1
	case r == 0:
		name = "NUL byte"
	case r == '`':
		name, class = "backtick repr (Python 2)", spanUnsupported
	case r == '\\':
		name = "backslash not at the end of a line"
	}
	n.emit(normToken{kind: tokBad, start: i, end: i + w}, open)
	n.note(i, i+w, class, name)
	return i + w
}

// scanString reads a string literal whose prefix starts at start and whose quotes start at q.
func (n *normalizer) scanString(start, q int, open []int) int {
	src := n.src
	fstr, raw := normPrefixKinds(src[start:q])
	quote, quotes := src[q], 1
	if normHasTriple(src, q, quote) {
		quotes = 3
	}
	end, ok := 0, false
	// A field may span lines, so an f-string that fails to scan may have read far, and the
	// plain-string fallback then resumes near its start: on hostile input, such as a line of
	// `f"{(" f"{(" ...`, that is quadratic. The budget keeps all f-string scanning linear in
	// the input; real code spends each byte once.
	if fstr && n.fBudget <= 0 {
		n.note(start, q+quotes, spanUnsupported, "f-string (scan limit reached)")
	} else if fstr {
		fs := normFScan{src: src}
		end, ok = fs.literal(q+quotes, normFCtx{quote: quote, triple: quotes == 3, raw: raw}, 0)
		n.fBudget -= end - q
		if fs.deep {
			n.note(start, q+quotes, spanUnsupported, "f-string nested too deeply")
		} else if !ok {
			n.note(start, q+quotes, spanBroken, "invalid f-string")
		}
	}
	if !ok {
		var plainOK bool
		end, plainOK = normScanPlain(src, q+quotes, quote, quotes == 3)
		switch {
		case plainOK:
		case quotes == 3:
			n.note(start, end, spanBroken, "unterminated triple-quoted string literal")
		default:
			n.note(start, end, spanBroken, "unterminated string literal")
		}
		// An f-string that scans only as a plain string stays bad: it is left as it is.
		ok = plainOK && !fstr
	}
	n.emit(normToken{kind: tokString, start: start, end: end, prefix: uint8(q - start), quotes: uint8(quotes),
		fstr: fstr, bad: !ok}, open)
	return end
}

// normScanPlain scans the body of a string without replacement fields from i and returns the
// offset after its closing quotes, or where it stops unterminated.
func normScanPlain(src []byte, i int, quote byte, triple bool) (int, bool) {
	for i < len(src) {
		switch c := src[i]; {
		case c == '\\':
			i = normSkipEscape(src, i)
		case c == quote && !triple:
			return i + 1, true
		case c == quote && normHasTriple(src, i, quote):
			return i + 3, true
		case c == '\n' && !triple:
			return i, false
		case c == '\r' && !triple && normBreakAt(src, i) > 0:
			return i, false
		default:
			i++
		}
	}
	return i, false
}

// normSkipEscape returns the offset after the backslash at src[i] and the byte it escapes; an
// escaped CRLF is one line break.
func normSkipEscape(src []byte, i int) int {
	return i + 1 + max(normBreakAt(src, i+1), min(1, len(src)-i-1))
}

func normHasTriple(src []byte, i int, quote byte) bool {
	return i+2 < len(src) && src[i] == quote && src[i+1] == quote && src[i+2] == quote
}

func normIsQuote(c byte) bool { return c == '"' || c == '\'' }

func normIsDigit(c byte) bool { return '0' <= c && c <= '9' }

// normIsPrefix reports whether p is a string prefix of Python 3.14: r, u, b, f, t and the
// pairs of r with b, f or t, in any case.
func normIsPrefix(p []byte) bool {
	if len(p) == 0 || len(p) > 2 {
		return false
	}
	var seen [256]bool
	for _, c := range p {
		c |= 0x20 // lower case
		if seen[c] || c != 'r' && c != 'u' && c != 'b' && c != 'f' && c != 't' {
			return false
		}
		seen[c] = true
	}
	return len(p) == 1 || seen['r'] && !seen['u']
}

// normPrefixKinds says whether a valid prefix makes an f- or t-string and whether it is raw.
func normPrefixKinds(p []byte) (fstr, raw bool) {
	for _, c := range p {
		switch c | 0x20 {
		case 'f', 't':
			fstr = true
		case 'r':
			raw = true
		}
	}
	return fstr, raw
}

// normScanNumber returns the offset after the numeric literal at src[i]. It is lenient, as
// Python's tokenizer is: a malformed literal is for the parser to reject.
func normScanNumber(src []byte, i int) int {
	digits := func(i int, hex bool) int {
		for i < len(src) && (normIsDigit(src[i]) || src[i] == '_' || hex && normIsHexLetter(src[i])) {
			i++
		}
		return i
	}
	if src[i] == '0' && i+1 < len(src) && normIsRadix(src[i+1]) {
		return digits(i+2, true)
	}
	i = digits(i, false)
	if i < len(src) && src[i] == '.' {
		i = digits(i+1, false)
	}
	if i < len(src) && src[i]|0x20 == 'e' {
		j := i + 1
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if j < len(src) && normIsDigit(src[j]) {
			i = digits(j, false)
		}
	}
	if i < len(src) && src[i]|0x20 == 'j' {
		i++
	}
	return i
}

func normIsRadix(c byte) bool {
	c |= 0x20
	return c == 'x' || c == 'o' || c == 'b'
}

func normIsHexLetter(c byte) bool {
	c |= 0x20
	return 'a' <= c && c <= 'f'
}

// normIdentEnd returns the offset after the identifier at src[i], or i when none starts there.
// Identifiers follow gpython's rule: Unicode letters to start, plus marks, digits and
// connectors after.
func normIdentEnd(src []byte, i int) int {
	start := i
	for i < len(src) {
		c := src[i]
		if c < utf8.RuneSelf {
			if c == '_' || 'a' <= c|0x20 && c|0x20 <= 'z' || i > start && normIsDigit(c) {
				i++
				continue
			}
			return i
		}
		r, w := utf8.DecodeRune(src[i:])
		if !unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Lm, unicode.Lo, unicode.Nl) &&
			(i == start || !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc)) {
			return i
		}
		i += w
	}
	return i
}

// normOpWidth returns the length of the operator at src[i], longest first, or 0: "**=", "//=",
// ">>=", "<<=", "..."; "!=", "->", ":=", "<>", "**", "//", "<<", ">>" and each of
// "%&*+-/<=>@^|" followed by "="; or one of "()[]{}:,;+-*/|&<>=.%^~@".
func normOpWidth(src []byte, i int) int {
	c, c1, c2 := src[i], normByteAt(src, i+1), normByteAt(src, i+2)
	switch {
	case c == '.' && c1 == '.' && c2 == '.',
		(c == '*' || c == '/' || c == '>' || c == '<') && c1 == c && c2 == '=':
		return 3
	case c == '!' && c1 == '=', c == '-' && c1 == '>', c == ':' && c1 == '=', c == '<' && c1 == '>',
		(c == '*' || c == '/' || c == '<' || c == '>') && c1 == c,
		strings.IndexByte("%&*+-/<=>@^|", c) >= 0 && c1 == '=':
		return 2
	case strings.IndexByte("()[]{}:,;+-*/|&<>=.%^~@", c) >= 0:
		return 1
	}
	return 0
}

// normByteAt returns src[i], or 0 past the end.
func normByteAt(src []byte, i int) byte {
	if i < len(src) {
		return src[i]
	}
	return 0
}
