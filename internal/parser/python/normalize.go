package python

// The normaliser rewrites Python 3.5+ syntax into Python 3.4 syntax that gpython's parser
// accepts, byte for byte in place. Its invariant: out has the length of src, every line break
// of src is a line break at the same offset of out (a lone CR, a line break to Python, becomes
// LF so that gpython counts the same lines), and every other byte either stays or is replaced
// inside the construct it belongs to. So any line:col gpython reports on out is the same place
// in src. Structure that the frontend reads (classes, defs, decorators, calls, literal
// arguments, if/for/while/with/try/match nesting) is kept; expressions inside a rewritten
// construct may come out as any expression of the same length (a walrus becomes ==, **a in a
// dict display becomes 0:a, an f-string becomes a string of blanks).
//
// It works on its own tokens (strings, comments, brackets, continuations), never on regexes
// over lines, so text inside strings and comments is never touched, f-strings aside. It runs
// in time linear in the input: every pass walks the tokens once, and bracket groups are
// matched with a stack.
//
// Every package-level name here starts with norm or tok, or is a method of normalizer: the
// frontend shares the package.

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// Unsupported is a construct that Normalize found and could not rewrite.
type Unsupported struct {
	Line, Col int    // 1-based; Col counts bytes
	Construct string // human name: "f-string", "walrus operator (:=)", "match statement", ...
}

// Normalize rewrites Python 3.5+ syntax that gpython's 3.4 parser rejects into 3.4 syntax of the
// same byte length on every line, so that every line:col in the output is the same place in src.
// What it cannot rewrite it reports as unsupported constructs (position = where the construct starts).
func Normalize(src []byte) (out []byte, unsupported []Unsupported) {
	n := newNormalizer(src)
	for _, s := range n.spans {
		if s.class != spanUnsupported {
			continue
		}
		line, col := n.position(s.start)
		// One report per construct and line: a pair of backticks, or the f-strings that a
		// too deeply nested one breaks into, are one problem.
		if k := len(unsupported) - 1; k >= 0 && unsupported[k].Line == line && unsupported[k].Construct == s.name {
			continue
		}
		unsupported = append(unsupported, Unsupported{Line: line, Col: col, Construct: s.name})
	}
	return n.out, unsupported
}

// ConstructAt names the construct at or near line:col of src (1-based, col in bytes, as in
// Unsupported) that gpython cannot parse, so that a syntax error there is never reported
// misleadingly. It prefers, in order: an unsupported construct or a syntax error of the source
// (unterminated string, unclosed bracket, invalid character) containing the position; a
// construct that Normalize rewrote containing it (an if that came from a match statement, a
// string that came from an f-string); an unsupported construct or syntax error earlier on the
// same logical line. It returns "" when nothing known is there.
func ConstructAt(src []byte, line, col int) string {
	n := newNormalizer(src)
	off, ok := n.offset(line, col)
	if !ok {
		return ""
	}
	if s := n.innermost(off, false); s != nil {
		return s.name
	}
	if s := n.innermost(off, true); s != nil {
		return s.name
	}
	return n.earlierOnLine(off)
}

// spanClass says what Normalize did about a construct it found.
type spanClass uint8

const (
	spanRewritten   spanClass = iota // rewritten; gpython parses the result
	spanUnsupported                  // left as it is and reported by Normalize
	spanBroken                       // a syntax error of the source itself, named by ConstructAt only
)

// normSpan is a construct found in the source, as byte offsets [start, end).
type normSpan struct {
	start, end int
	class      spanClass
	name       string
}

// normEdit is a rewrite applied after all token-level ones, so that blanking a region wins
// over any smaller rewrite inside it. An empty text blanks [from, to); otherwise text is
// written at from.
type normEdit struct {
	from, to  int
	text      string
	site      int // where the construct starts, to report it
	construct string
}

// normalizer holds one run of the analysis. src is the input with lone CRs turned into LFs,
// which is what the tokens index; out starts as a copy of it and receives the rewrites.
type normalizer struct {
	src, out   []byte
	toks       []normToken
	spans      []normSpan
	edits      []normEdit
	lineStarts []int // offset of each physical line
	logical    []int // offset of the first token of each logical line
	fBudget    int   // bytes f-string scanning may still read; see scanString
}

func newNormalizer(src []byte) *normalizer {
	n := &normalizer{src: normNewlines(src), fBudget: 4*len(src) + 4096}
	n.out = append([]byte(nil), n.src...)
	n.indexLines()
	n.tokenize()
	n.rewriteTokens()
	n.rewriteStatements()
	n.rewriteStars()
	n.applyEdits()
	n.byteOrderMark()
	sort.SliceStable(n.spans, func(i, j int) bool { return n.spans[i].start < n.spans[j].start })
	return n
}

// normNewlines turns each lone CR into LF. Python reads source with universal newlines, so a
// lone CR ends a line (and a comment) there; gpython splits lines on LF only. CRLF stays:
// gpython strips the CR itself.
func normNewlines(src []byte) []byte {
	out := append([]byte(nil), src...)
	for i, c := range out {
		if c == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}

func (n *normalizer) note(start, end int, class spanClass, name string) {
	n.spans = append(n.spans, normSpan{start: start, end: end, class: class, name: name})
}

func (n *normalizer) rewrote(start, end int, name string) {
	n.note(start, end, spanRewritten, name)
}

// write puts text into out at off.
func (n *normalizer) write(off int, text string) {
	copy(n.out[off:], text)
}

// later queues an edit for applyEdits, of the construct that starts at site.
func (n *normalizer) later(site, from, to int, text, construct string) {
	n.edits = append(n.edits, normEdit{from: from, to: to, text: text, site: site, construct: construct})
}

func (n *normalizer) applyEdits() {
	for _, e := range n.edits {
		if e.text != "" {
			n.write(e.from, e.text)
		} else if !n.blank(e.from, e.to) {
			n.note(e.site, e.to, spanUnsupported, e.construct)
		}
	}
}

// blank overwrites out[from:to] with spaces but keeps every line break and every backslash
// that continues a line, and puts a backslash before each kept line break: the region may have
// held the brackets that made its lines one logical line, and now only continuations can. It
// reports false when a line break has no byte of the region before it to carry the backslash.
func (n *normalizer) blank(from, to int) bool {
	ok := true
	for i := from; i < to; i++ {
		switch w := normBreakAt(n.out, i); {
		case w > 0:
			if !n.continueAt(i-1, from) {
				ok = false
			}
			i += w - 1
		case n.out[i] == '\\' && normBreakAt(n.out, i+1) > 0:
		default:
			n.out[i] = ' '
		}
	}
	return ok
}

// blankable reports whether blank(from, to) can keep every line break of the region
// continued: each must have a byte of the region before it that is not a line break.
func (n *normalizer) blankable(from, to int) bool {
	for i := from; i < to; i++ {
		if w := normBreakAt(n.src, i); w > 0 {
			if i == from || n.src[i-1] == '\n' {
				return false
			}
			i += w - 1
		}
	}
	return true
}

// continueAt makes out[i] a line continuation, if it already is one or lies in the region.
func (n *normalizer) continueAt(i, from int) bool {
	switch {
	case i >= 0 && n.out[i] == '\\':
		return true
	case i < from || n.out[i] == '\n':
		return false
	}
	n.out[i] = '\\'
	return true
}

// normBreakAt returns the width of the line break at b[i] (1 for LF, 2 for CRLF), or 0.
func normBreakAt(b []byte, i int) int {
	switch {
	case i >= len(b):
		return 0
	case b[i] == '\n':
		return 1
	case b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n':
		return 2
	}
	return 0
}

// byteOrderMark rewrites a UTF-8 BOM, which Python skips and gpython rejects. The first line
// cannot lose its three bytes, so they become blanks when the line holds no code, or "0; "
// (a no-op statement) in front of a simple statement.
func (n *normalizer) byteOrderMark() {
	if !normHasBOM(n.src) {
		return
	}
	end := 0 // the NEWLINE that ends the first logical line
	for end < len(n.toks) && n.toks[end].kind != tokNewline {
		end++
	}
	switch {
	case end == 0 || n.toks[0].start >= n.lineEnd(1):
		n.write(0, "   ")
	case n.compound(0) >= 0 || n.is(0, "@") || n.isMatch(0, end):
		n.note(0, 3, spanUnsupported, "byte order mark before a compound statement")
	default:
		n.write(0, "0; ")
		n.rewrote(0, 3, "byte order mark")
	}
}

func normHasBOM(b []byte) bool {
	return len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
}

// ---- Positions ----

func (n *normalizer) indexLines() {
	n.lineStarts = append(n.lineStarts, 0)
	for i, c := range n.src {
		if c == '\n' {
			n.lineStarts = append(n.lineStarts, i+1)
		}
	}
}

// position turns an offset into a 1-based line and a 1-based byte column.
func (n *normalizer) position(off int) (line, col int) {
	line = sort.SearchInts(n.lineStarts, off+1)
	return line, off - n.lineStarts[line-1] + 1
}

// offset turns a 1-based line and column into an offset; a column past the end of its line
// means the line break, where gpython reports errors at the end of a line.
func (n *normalizer) offset(line, col int) (int, bool) {
	if line < 1 || line > len(n.lineStarts) || col < 1 {
		return 0, false
	}
	return n.lineStarts[line-1] + min(col-1, n.lineEnd(line)-n.lineStarts[line-1]), true
}

// lineEnd returns the offset of the line break that ends the 1-based line, or len(src).
func (n *normalizer) lineEnd(line int) int {
	if line < len(n.lineStarts) {
		return n.lineStarts[line] - 1
	}
	return len(n.src)
}

// indent returns the width of the indentation before offset off, with tabs to multiples of 8
// as gpython counts them.
func (n *normalizer) indent(off int) int {
	line, _ := n.position(off)
	w := 0
	for i := n.lineStarts[line-1]; i < off; i++ {
		switch n.src[i] {
		case '\t':
			w = w/8*8 + 8
		default:
			w++
		}
	}
	return w
}

// innermost returns the span that contains off and starts last, among the rewritten spans or
// among the others.
func (n *normalizer) innermost(off int, rewritten bool) *normSpan {
	var best *normSpan
	for i := range n.spans {
		s := &n.spans[i]
		if (s.class == spanRewritten) != rewritten || off < s.start || off >= max(s.end, s.start+1) {
			continue
		}
		if best == nil || s.start > best.start || s.start == best.start && s.end < best.end {
			best = s
		}
	}
	return best
}

// earlierOnLine names the last unsupported construct or syntax error that starts before off on
// the logical line holding off: gpython reports most errors after the token that caused them.
func (n *normalizer) earlierOnLine(off int) string {
	i := sort.SearchInts(n.logical, off+1) - 1
	if i < 0 {
		return ""
	}
	from, name := n.logical[i], ""
	for _, s := range n.spans {
		if s.class != spanRewritten && s.start >= from && s.start <= off {
			name = s.name
		}
	}
	return name
}

// ---- Tokens ----

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
	var open []int                               // indices of unclosed brackets
	n.toks = make([]normToken, 0, len(src)/4+16) // real code has a token every 4 to 6 bytes
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
	for _, k := range open {
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

var normOps3 = [...]string{"**=", "//=", ">>=", "<<=", "..."}

var normOps2 = [...]string{"!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", "<<", "<=",
	"<>", "==", ">=", ">>", "^=", "|=", ":=", "@="}

const normOps1 = "()[]{}:,;+-*/|&<>=.%^~@"

// normOpWidth returns the length of the operator at src[i], longest first, or 0.
func normOpWidth(src []byte, i int) int {
	for _, op := range normOps3 {
		if i+3 <= len(src) && string(src[i:i+3]) == op {
			return 3
		}
	}
	for _, op := range normOps2 {
		if i+2 <= len(src) && string(src[i:i+2]) == op {
			return 2
		}
	}
	for j := 0; j < len(normOps1); j++ {
		if src[i] == normOps1[j] {
			return 1
		}
	}
	return 0
}

// ---- f-strings ----

// normMaxFNesting bounds how deep replacement fields and f-strings inside them may nest, so
// that scanning hostile input cannot exhaust the stack. CPython allows about 150 levels in
// 3.12; real code uses two or three.
const normMaxFNesting = 64

// normFCtx describes the f-string being scanned.
type normFCtx struct {
	quote       byte
	triple, raw bool
}

// normFScan scans f-strings with Python 3.12's rules (PEP 701): a replacement field may hold
// any expression, strings with the same quotes and nested f-strings included. Every f-string
// valid before 3.12 scans the same way.
type normFScan struct {
	src  []byte
	deep bool // nesting went past normMaxFNesting
}

// literal scans the text of an f-string from i and returns the offset after its closing quotes.
func (f *normFScan) literal(i int, c normFCtx, level int) (int, bool) {
	src := f.src
	for i < len(src) {
		switch b := src[i]; {
		case b == c.quote && (!c.triple || normHasTriple(src, i, b)):
			return i + c.width(), true
		case b == '\\':
			i = f.escape(i, c.raw)
		case normBreakAt(src, i) > 0 && !c.triple:
			return i, false
		case b == '{' && i+1 < len(src) && src[i+1] == '{':
			i += 2
		case b == '{':
			var ok bool
			if i, ok = f.field(i+1, c, level+1); !ok {
				return i, false
			}
		default:
			i++
		}
	}
	return i, false
}

func (c normFCtx) width() int {
	if c.triple {
		return 3
	}
	return 1
}

// escape returns the offset after the escape sequence at the backslash src[i]. A brace after
// a backslash still opens or closes a field; \N{NAME} is one escape unless the string is raw.
func (f *normFScan) escape(i int, raw bool) int {
	src := f.src
	j := i + 1
	switch {
	case j < len(src) && (src[j] == '{' || src[j] == '}'):
		return j
	case !raw && j+1 < len(src) && src[j] == 'N' && src[j+1] == '{':
		k := j + 2
		for k < len(src) && (src[k] == ' ' || src[k] == '-' || normIdentEnd(src, k) > k) {
			k++
		}
		if k < len(src) && src[k] == '}' {
			return k + 1
		}
	}
	return normSkipEscape(src, i)
}

// field scans a replacement field from just after its '{' and returns the offset after its
// '}'. The expression part ends at a ':' or '}' outside brackets; since 3.12 it may span lines
// even in a single-quoted f-string.
func (f *normFScan) field(i int, c normFCtx, level int) (int, bool) {
	if level > normMaxFNesting {
		f.deep = true
		return i, false
	}
	src := f.src
	depth := 0
	for i < len(src) {
		b := src[i]
		var ok bool
		switch {
		case normIsQuote(b):
			if i, ok = f.nested(i, i, level); !ok {
				return i, false
			}
			continue
		case b == '_' || 'a' <= b|0x20 && b|0x20 <= 'z':
			j := normIdentEnd(src, i)
			if j < len(src) && normIsQuote(src[j]) && normIsPrefix(src[i:j]) {
				if i, ok = f.nested(i, j, level); !ok {
					return i, false
				}
			} else {
				i = j
			}
			continue
		case b == '(' || b == '[' || b == '{':
			depth++
		case (b == ')' || b == ']') && depth > 0:
			depth--
		case b == '}' && depth == 0:
			return i + 1, true
		case b == '}':
			depth--
		case b == ':' && depth == 0:
			return f.spec(i+1, c, level)
		case b == '#':
			i = f.lineEnd(i)
			continue
		case b == '\\':
			i = normSkipEscape(src, i)
			continue
		}
		i++
	}
	return i, false
}

func (f *normFScan) lineEnd(i int) int {
	for i < len(f.src) && normBreakAt(f.src, i) == 0 {
		i++
	}
	return i
}

// nested scans a string inside a replacement field, its prefix at start and quotes at q.
func (f *normFScan) nested(start, q, level int) (int, bool) {
	fstr, raw := normPrefixKinds(f.src[start:q])
	c := normFCtx{quote: f.src[q], triple: normHasTriple(f.src, q, f.src[q]), raw: raw}
	if fstr {
		return f.literal(q+c.width(), c, level)
	}
	return normScanPlain(f.src, q+c.width(), c.quote, c.triple)
}

// spec scans a format spec, which may hold fields of its own, up to the '}' that closes the
// field.
func (f *normFScan) spec(i int, c normFCtx, level int) (int, bool) {
	src := f.src
	for i < len(src) {
		switch b := src[i]; {
		case b == '{':
			var ok bool
			if i, ok = f.field(i+1, c, level+1); !ok {
				return i, false
			}
		case b == '}':
			return i + 1, true
		case b == c.quote && (!c.triple || normHasTriple(src, i, b)):
			return i, false
		case b == '\\':
			i = f.escape(i, c.raw)
		case normBreakAt(src, i) > 0 && !c.triple:
			return i, false
		default:
			i++
		}
	}
	return i, false
}

// ---- Token rewrites ----

// tok returns token k, or a token of kind tokNone when k is out of range.
func (n *normalizer) tok(k int) normToken {
	if k < 0 || k >= len(n.toks) {
		return normToken{pair: -1}
	}
	return n.toks[k]
}

// is reports whether token k is an operator or name spelled s.
func (n *normalizer) is(k int, s string) bool {
	t := n.tok(k)
	return (t.kind == tokOp || t.kind == tokName) && string(n.src[t.start:t.end]) == s
}

// normKeywords are Python 3's keywords, async and await included.
var normKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true, "def": true,
	"del": true, "elif": true, "else": true, "except": true, "finally": true, "for": true,
	"from": true, "global": true, "if": true, "import": true, "in": true, "is": true,
	"lambda": true, "nonlocal": true, "not": true, "or": true, "pass": true, "raise": true,
	"return": true, "try": true, "while": true, "with": true, "yield": true,
}

// isIdent reports whether token k is a name that is not a keyword.
func (n *normalizer) isIdent(k int) bool {
	t := n.tok(k)
	return t.kind == tokName && !normKeywords[string(n.src[t.start:t.end])]
}

// endsOperand reports whether token k can end an operand, which makes a following '*' binary,
// a following '(' a call and a following '[' a subscript.
func (n *normalizer) endsOperand(k int) bool {
	switch t := n.tok(k); t.kind {
	case tokNumber, tokString:
		return true
	case tokName:
		return n.isIdent(k) || n.is(k, "True") || n.is(k, "False") || n.is(k, "None")
	case tokOp:
		return n.is(k, ")") || n.is(k, "]") || n.is(k, "}") || n.is(k, "...")
	}
	return false
}

// startsOperand reports whether token k can start the operand of await.
func (n *normalizer) startsOperand(k int) bool {
	switch t := n.tok(k); t.kind {
	case tokNumber, tokString:
		return true
	case tokName:
		return n.endsOperand(k) || n.is(k, "await")
	case tokOp:
		return n.is(k, "(") || n.is(k, "[") || n.is(k, "{") || n.is(k, "...")
	}
	return false
}

func (n *normalizer) rewriteTokens() {
	for k, t := range n.toks {
		switch t.kind {
		case tokString:
			if t.fstr && !t.bad {
				n.rewriteFString(t)
			}
		case tokNumber:
			n.rewriteNumber(t)
		case tokOp:
			n.rewriteOp(k)
		case tokName:
			n.rewriteAsync(k)
		}
	}
}

// rewriteFString turns an f-string into a plain string of blanks. Its opening quotes move onto
// the prefix, so the string starts where the f-string started. A single-quoted f-string can
// span lines (a continued line, or brackets in a 3.12 field): a backslash before each line
// break keeps it one literal.
func (n *normalizer) rewriteFString(t normToken) {
	q, quotes := n.src[t.start+int(t.prefix)], int(t.quotes)
	for j := 0; j < quotes; j++ {
		n.out[t.start+j] = q
		n.out[t.end-1-j] = q
	}
	from, to := t.start+quotes, t.end-quotes
	name := "f-string"
	if p := n.src[t.start : t.start+int(t.prefix)]; p[0]|0x20 == 't' || p[len(p)-1]|0x20 == 't' {
		name = "t-string"
	}
	if quotes == 3 {
		for i := from; i < to; i++ {
			if normBreakAt(n.out, i) == 0 && n.out[i] != '\n' {
				n.out[i] = ' '
			}
		}
	} else if !n.blank(from, to) {
		n.note(t.start, t.end, spanUnsupported, name)
		return
	}
	n.rewrote(t.start, t.end, name)
}

// rewriteNumber drops the underscores of a numeric literal and pads it with blanks after, so
// the literal keeps its value and its start.
func (n *normalizer) rewriteNumber(t normToken) {
	j := t.start
	for i := t.start; i < t.end; i++ {
		if n.src[i] != '_' {
			n.out[j] = n.src[i]
			j++
		}
	}
	if j == t.end {
		return
	}
	for ; j < t.end; j++ {
		n.out[j] = ' '
	}
	n.rewrote(t.start, t.end, "numeric literal with underscores")
}

func (n *normalizer) rewriteOp(k int) {
	t := n.toks[k]
	switch {
	case n.is(k, ":="):
		// == has the length of := and parses wherever a walrus may stand, except before a
		// lambda, which cannot be an operand of ==; inside brackets a comma makes a tuple.
		if n.is(k+1, "lambda") && t.depth > 0 {
			n.write(t.start, ", ")
		} else {
			n.write(t.start, "==")
		}
		n.rewrote(t.start, t.end, "walrus operator (:=)")
	case (n.is(k, "@") || n.is(k, "@=")) && n.tok(k-1).kind != tokNewline && k > 0:
		// An @ that does not start a logical line is the matrix product, not a decorator.
		n.write(t.start, "*")
		n.rewrote(t.start, t.end, "matrix multiplication operator (@)")
	case n.is(k, "<>"):
		n.note(t.start, t.end, spanUnsupported, "<> operator (Python 2)")
	}
}

// rewriteAsync turns `async def|for|with` into the keyword alone, written where async was so
// that the statement keeps its indentation, and `await x` into `+     x`: a unary plus is
// allowed wherever await is, and keeps a statement's first column.
func (n *normalizer) rewriteAsync(k int) {
	t := n.toks[k]
	if n.is(k-1, ".") {
		return
	}
	switch {
	case n.is(k, "async") && (n.is(k+1, "def") || n.is(k+1, "for") || n.is(k+1, "with")):
		kw := n.toks[k+1]
		if !n.blank(t.start, kw.end) {
			n.note(t.start, kw.end, spanUnsupported, "async "+string(n.src[kw.start:kw.end]))
			return
		}
		n.write(t.start, string(n.src[kw.start:kw.end]))
		n.rewrote(t.start, kw.end, "async "+string(n.src[kw.start:kw.end]))
	case n.is(k, "await") && n.startsOperand(k+1):
		n.write(t.start, "+    ")
		n.rewrote(t.start, t.end, "await expression")
	}
}

// ---- Statements ----

// normMatchFrame is an open match statement: the indentation of its header and of its case
// clauses (-1 until the first one).
type normMatchFrame struct{ indent, cases int }

// rewriteStatements walks the logical lines, statement by statement.
func (n *normalizer) rewriteStatements() {
	var frames []normMatchFrame
	start := 0
	for k, t := range n.toks {
		if t.kind == tokNewline {
			if k > start {
				frames = n.logicalLine(start, k, frames)
			}
			start = k + 1
		}
	}
}

// logicalLine handles the tokens [a, b) of one logical line. frames are the match statements
// whose blocks may hold it: match and case are keywords only there, and only as headers.
func (n *normalizer) logicalLine(a, b int, frames []normMatchFrame) []normMatchFrame {
	indent := n.indent(n.toks[a].start)
	for len(frames) > 0 && indent <= frames[len(frames)-1].indent {
		frames = frames[:len(frames)-1]
	}
	top := len(frames) - 1
	switch {
	case n.is(a, "@"):
		n.decorator(a+1, b)
		return frames
	case n.isMatch(a, b):
		n.matchHeader(a, b)
		return append(frames, normMatchFrame{indent: indent, cases: -1})
	case top >= 0 && n.is(a, "case") && (frames[top].cases < 0 || frames[top].cases == indent):
		if h := n.headerColon(a, b); h < b {
			frames[top].cases = indent
			n.caseHeader(a, h)
			n.statements(h+1, b)
			return frames
		}
	}
	n.statements(a, b)
	return frames
}

// statements handles a sequence of statements in [i, b): compound headers, each followed by
// the simple statements of a one-line body, or simple statements separated by ';'.
func (n *normalizer) statements(i, b int) {
	for i < b {
		if kw := n.compound(i); kw >= 0 {
			h := n.headerColon(i, b)
			n.header(kw, h)
			i = h + 1
			continue
		}
		e := i
		for e < b && !(n.is(e, ";") && n.toks[e].depth == 0) {
			e++
		}
		n.simple(i, e)
		i = e + 1
	}
}

// normCompound are the keywords that start a compound statement with a header.
var normCompound = map[string]bool{
	"if": true, "elif": true, "else": true, "while": true, "for": true, "with": true,
	"def": true, "class": true, "try": true, "except": true, "finally": true,
}

// compound returns the index of the keyword of the compound statement starting at token k
// (k itself, or the token after async), or -1.
func (n *normalizer) compound(k int) int {
	if n.is(k, "async") && (n.is(k+1, "def") || n.is(k+1, "for") || n.is(k+1, "with")) {
		return k + 1
	}
	if t := n.tok(k); t.kind == tokName && normCompound[string(n.src[t.start:t.end])] {
		return k
	}
	return -1
}

// headerColon returns the index of the ':' that ends the header starting at token i, or b.
// A lambda at the header's level consumes the next ':' at that level.
func (n *normalizer) headerColon(i, b int) int {
	lambdas := 0
	for k := i; k < b; k++ {
		switch {
		case n.toks[k].depth != 0:
		case n.is(k, "lambda"):
			lambdas++
		case n.is(k, ":") && lambdas > 0:
			lambdas--
		case n.is(k, ":"):
			return k
		}
	}
	return b
}

// header rewrites the header of a compound statement, kw its keyword, h its ':'.
func (n *normalizer) header(kw, h int) {
	switch {
	case n.is(kw, "def") || n.is(kw, "class"):
		if p := n.tok(kw + 2); n.is(kw+2, "[") && p.pair >= 0 {
			n.later(p.start, p.start, n.toks[p.pair].end, "", "type parameter list")
			n.rewrote(p.start, n.toks[p.pair].end, "type parameter list")
		}
	case n.is(kw, "with"):
		n.withItems(kw, h)
	case n.is(kw, "except"):
		n.exceptHeader(kw, h)
	}
}

// withItems rewrites parenthesized context managers (3.10), `with (a as b, c as d):`, whose
// `as` inside brackets 3.4 rejects: as becomes or, which leaves one context manager, a tuple,
// and keeps the brackets, the lines and the body as they are.
func (n *normalizer) withItems(kw, h int) {
	for k := kw + 1; k < h; k++ {
		if t := n.toks[k]; t.depth > 0 && n.is(k, "as") {
			n.write(t.start, "or")
			n.rewrote(n.toks[kw].start, t.end, "parenthesized context managers")
		}
	}
}

// exceptHeader rewrites `except* E` (3.11) to `except  E`, and the unparenthesized exception
// list `except A, B:` (3.14) to `except A| B:`.
func (n *normalizer) exceptHeader(kw, h int) {
	if t := n.tok(kw + 1); n.is(kw+1, "*") && kw+1 < h {
		n.write(t.start, " ")
		n.rewrote(n.toks[kw].start, t.end, "except* clause")
	}
	for k := kw + 1; k < h; k++ {
		if t := n.toks[k]; t.depth == 0 && n.is(k, ",") {
			n.write(t.start, "|")
			n.rewrote(t.start, t.end, "unparenthesized exception types")
		}
	}
}

// isMatch reports whether the logical line [a, b) is a match statement's header: match is a
// keyword only where the line ends in ':' and match is not a name in an expression.
func (n *normalizer) isMatch(a, b int) bool {
	if !n.is(a, "match") || b-a < 3 || !n.is(b-1, ":") || n.toks[b-1].depth != 0 {
		return false
	}
	next := n.tok(a + 1)
	if next.kind != tokOp {
		return true
	}
	switch c := n.src[next.start]; {
	case next.end-next.start == 1:
		return c == '(' || c == '[' || c == '{' || c == '-' || c == '+' || c == '~' || c == '*'
	default:
		return n.is(a+1, "...")
	}
}

// matchHeader rewrites `match x:` to `if    x:`. A match statement becomes nested ifs, so a
// self.next inside it stays conditional, which is what the frontend must see.
func (n *normalizer) matchHeader(a, b int) {
	n.write(n.toks[a].start, "if   ")
	n.pattern(a+1, b-1, false)
	n.rewrote(n.toks[a].start, n.toks[b-1].end, "match statement")
}

// caseHeader rewrites `case P if G:` to `if  P or G:`; h is the header's ':'.
func (n *normalizer) caseHeader(a, h int) {
	n.write(n.toks[a].start, "if  ")
	g := a + 1
	for g < h && !(n.is(g, "if") && n.toks[g].depth == 0) {
		g++
	}
	n.pattern(a+1, g, true)
	if g < h {
		n.write(n.toks[g].start, "or")
	}
	n.rewrote(n.toks[a].start, n.toks[h].end, "case clause")
}

// pattern makes a match subject or case pattern [i, e) an expression: a comma outside
// brackets becomes |, a star outside brackets a blank, and in a pattern `as` becomes or.
// Inside brackets, sequence and mapping patterns already read as displays; rewriteStars
// handles their stars.
func (n *normalizer) pattern(i, e int, isCase bool) {
	for k := i; k < e; k++ {
		t := n.toks[k]
		switch {
		case isCase && n.is(k, "as"):
			n.write(t.start, "or")
		case t.depth != 0:
		case n.is(k, ","):
			n.write(t.start, "|")
		case n.is(k, "*") && !n.endsOperand(k-1):
			n.write(t.start, " ")
		}
	}
}

// simple rewrites the simple statement [i, e).
func (n *normalizer) simple(i, e int) {
	if i >= e {
		return
	}
	switch {
	case n.annotation(i, e):
	case n.typeAlias(i, e):
	case (n.is(i, "print") || n.is(i, "exec")) && n.startsOperand(i+1) && i+1 < e && !n.is(i+1, "(") &&
		!n.is(i+1, "[") && !n.is(i+1, "{"):
		t := n.toks[i]
		n.note(t.start, n.toks[e-1].end, spanUnsupported, string(n.src[t.start:t.end])+" statement (Python 2)")
	}
}

// annotation rewrites a variable annotation (3.6). `x: T = v` becomes `x     = v`: the
// annotation goes, blanks and continuations in its place. `x: T` becomes `x; T`, two
// expression statements, which binds nothing, as the annotation does not; its brackets and
// lines stay as they were.
func (n *normalizer) annotation(i, e int) bool {
	k := n.targetEnd(i, e)
	if k >= e || !n.is(k, ":") || n.toks[k].depth != 0 {
		return false
	}
	colon := n.toks[k]
	for eq := k + 1; eq < e; eq++ {
		if !n.is(eq, "=") || n.toks[eq].depth != 0 {
			continue
		}
		if n.blankable(colon.start, n.toks[eq].start) {
			n.later(colon.start, colon.start, n.toks[eq].start, "", "variable annotation")
		} else {
			// A blank line inside the annotation's brackets leaves no byte for a
			// continuation; `x= T = v` keeps the brackets and parses when T is assignable,
			// as the subscripts that span lines are.
			n.write(colon.start, "=")
		}
		n.rewrote(colon.start, n.toks[eq].start, "variable annotation")
		return true
	}
	n.write(colon.start, ";")
	n.rewrote(colon.start, n.toks[e-1].end, "variable annotation")
	return true
}

// targetEnd returns the index after the annotation target starting at i: a name or a
// parenthesized target, followed by attributes, subscripts and calls. It returns i when no
// target starts there.
func (n *normalizer) targetEnd(i, e int) int {
	if !n.isIdent(i) && !n.is(i, "(") {
		return i
	}
	k := i
	for k < e {
		switch t := n.toks[k]; {
		case (n.is(k, "(") || n.is(k, "[")) && t.pair > k && t.pair < e:
			k = t.pair + 1
		case k == i:
			k++
		case n.is(k, ".") && n.isIdent(k+1):
			k += 2
		default:
			return k
		}
	}
	return k
}

// typeAlias rewrites the type statement (3.12), `type X[T] = v`, to the assignment `X      = v`:
// the name moves to where type was, so the statement keeps its indentation.
func (n *normalizer) typeAlias(i, e int) bool {
	if !n.is(i, "type") || !n.isIdent(i+1) {
		return false
	}
	eq := i + 2
	if p := n.tok(eq); n.is(eq, "[") && p.pair > eq && p.pair < e {
		eq = p.pair + 1
	}
	if eq >= e || !n.is(eq, "=") {
		return false
	}
	t, name := n.toks[i], n.toks[i+1]
	n.later(t.start, t.start, n.toks[eq].start, "", "type alias statement")
	n.later(t.start, t.start, t.start+name.end-name.start, string(n.src[name.start:name.end]), "type alias statement")
	n.rewrote(t.start, n.toks[eq].start, "type alias statement")
	return true
}

// decorator rewrites a decorator [i, b) that 3.4's grammar rejects (3.9 allows any
// expression): 3.4 takes only a dotted name with an optional call. Subscripts and calls before
// the last trailer become blanks, so `@a[0].b.c(x)` reads as `@a   .b.c(x)`; whatever follows
// an operator goes; an expression that does not start with a name becomes `_`.
func (n *normalizer) decorator(i, b int) {
	if i >= b || n.dottedCall(i, b) {
		return
	}
	first, last := n.toks[i], n.toks[b-1]
	n.rewrote(first.start, last.end, "decorator expression")
	if !n.isIdent(i) {
		n.later(first.start, first.start, first.start+1, "_", "decorator expression")
		n.later(first.start, first.start+1, last.end, "", "decorator expression")
		return
	}
	for k := i + 1; k < b; {
		t := n.toks[k]
		switch {
		case n.is(k, ".") && n.isIdent(k+1):
			k += 2
		case n.is(k, "(") && t.pair == b-1:
			return
		case (n.is(k, "(") || n.is(k, "[")) && t.pair > k && t.pair < b:
			n.later(first.start, t.start, n.toks[t.pair].end, "", "decorator expression")
			k = t.pair + 1
		default:
			n.later(first.start, t.start, last.end, "", "decorator expression")
			return
		}
	}
}

// dottedCall reports whether [i, b) is a dotted name with an optional call after it.
func (n *normalizer) dottedCall(i, b int) bool {
	if !n.isIdent(i) {
		return false
	}
	k := i + 1
	for k+1 < b && n.is(k, ".") && n.isIdent(k+1) {
		k += 2
	}
	return k == b || n.is(k, "(") && n.toks[k].pair == b-1
}

// ---- Unpacking and parameter lists ----

// normGroupKind is what a bracket pair (or the statement level) holds.
type normGroupKind uint8

const (
	grpStmt   normGroupKind = iota // the statement level, outside brackets
	grpCall                        // call arguments and class bases
	grpParams                      // a def's parameters
	grpParen                       // a parenthesized expression or tuple
	grpList                        // a list display
	grpSub                         // a subscript
	grpBrace                       // a set or dict display
)

// normArgKind classifies a call argument.
type normArgKind uint8

const (
	argPositional normArgKind = iota
	argKeyword
	argStar     // *x
	argStarStar // **x
)

type normArg struct {
	tok  int
	kind normArgKind
}

// normGroup is an open bracket pair, or the statement level, during rewriteStars.
type normGroup struct {
	kind     normGroupKind
	starsOut bool // after return, yield, in or del: 3.4 allows no starred item here
	sawStar  bool // params: *args, ** or a bare * came, so a trailing comma must go
	argStart bool // calls: the next token starts an argument
	args     []normArg
}

// normLambda is a lambda whose parameters are being read, at a bracket level.
type normLambda struct {
	level   int
	sawStar bool
}

// rewriteStars rewrites the unpacking that 3.5 generalised (PEP 448) and the parameter lists
// that later versions relaxed, where gpython's 3.4 grammar rejects them. gpython takes starred
// items in lists, tuples and assignments but not in sets, dicts, subscripts or after return,
// yield and in; in a call it takes one *x, then keywords, then one **x last.
func (n *normalizer) rewriteStars() {
	groups := []normGroup{{kind: grpStmt}}
	var lambdas []normLambda
	for k, t := range n.toks {
		top := &groups[len(groups)-1]
		if t.kind == tokNewline {
			groups, lambdas = groups[:1], lambdas[:0]
			groups[0] = normGroup{kind: grpStmt}
			continue
		}
		if top.kind == grpCall && top.argStart && !n.isCloser(k) {
			top.argStart = false
			top.args = append(top.args, normArg{tok: k, kind: n.argKind(k)})
		}
		level := len(groups)
		inLambda := len(lambdas) > 0 && lambdas[len(lambdas)-1].level == level
		switch {
		case n.isOpener(k):
			groups = append(groups, normGroup{kind: n.groupKind(k), argStart: true})
		case n.isCloser(k):
			if len(groups) > 1 {
				n.closeGroup(top, k)
				groups = groups[:len(groups)-1]
			}
			for len(lambdas) > 0 && lambdas[len(lambdas)-1].level > len(groups) {
				lambdas = lambdas[:len(lambdas)-1]
			}
		case n.is(k, ",") && !inLambda:
			top.argStart = true
		case n.is(k, ":") && inLambda:
			n.closeLambda(k, lambdas[len(lambdas)-1])
			lambdas = lambdas[:len(lambdas)-1]
		case (n.is(k, ":") || n.is(k, ";")) && level == 1:
			top.starsOut = false
		case n.is(k, "lambda"):
			lambdas = append(lambdas, normLambda{level: level})
		case n.is(k, "return") || n.is(k, "yield") || n.is(k, "in") || n.is(k, "del"):
			top.starsOut = true
		case n.is(k, "/") && (inLambda || top.kind == grpParams):
			n.slash(k, inLambda)
		case (n.is(k, "*") || n.is(k, "**")) && !n.endsOperand(k-1) && !n.is(k-1, "import"):
			if inLambda {
				lambdas[len(lambdas)-1].sawStar = true
			} else {
				n.star(k, top)
			}
		}
	}
}

func (n *normalizer) isOpener(k int) bool { return n.is(k, "(") || n.is(k, "[") || n.is(k, "{") }

func (n *normalizer) isCloser(k int) bool { return n.is(k, ")") || n.is(k, "]") || n.is(k, "}") }

// groupKind tells what the bracket opened at token k holds.
func (n *normalizer) groupKind(k int) normGroupKind {
	switch {
	case n.is(k, "{"):
		return grpBrace
	case n.is(k, "[") && n.endsOperand(k-1):
		return grpSub
	case n.is(k, "["):
		return grpList
	case n.isParams(k):
		return grpParams
	case n.endsOperand(k - 1):
		return grpCall
	}
	return grpParen
}

// isParams reports whether the '(' at token k opens a def's parameters, after its name and
// any type parameter list.
func (n *normalizer) isParams(k int) bool {
	p := k - 1
	if n.is(p, "]") && n.tok(p).pair >= 0 {
		p = n.tok(p).pair - 1
	}
	return n.isIdent(p) && n.is(p-1, "def")
}

func (n *normalizer) argKind(k int) normArgKind {
	switch {
	case n.is(k, "*"):
		return argStar
	case n.is(k, "**"):
		return argStarStar
	case n.isIdent(k) && n.is(k+1, "="):
		return argKeyword
	}
	return argPositional
}

// star rewrites the unary * or ** at token k, in group g, where 3.4 does not allow it.
func (n *normalizer) star(k int, g *normGroup) {
	t := n.toks[k]
	switch {
	case g.kind == grpParams && n.is(k-1, ":"):
		n.write(t.start, " ")
		n.rewrote(t.start, t.end, "star annotation (*Ts)")
	case g.kind == grpParams:
		g.sawStar = true
	case g.kind == grpSub:
		n.write(t.start, "  "[:t.end-t.start])
		n.rewrote(t.start, t.end, "starred expression in a subscript")
	case g.kind == grpBrace && n.is(k, "**"):
		// {**a, "k": 1} becomes {0:a, "k": 1}: a dict item of the same length.
		n.write(t.start, "0:")
		n.rewrote(t.start, t.end, "unpacking in a dict display")
	case g.kind == grpBrace:
		n.write(t.start, " ")
		n.rewrote(t.start, t.end, "unpacking in a set display")
	case g.starsOut && g.kind != grpCall:
		n.write(t.start, "  "[:t.end-t.start])
		n.rewrote(t.start, t.end, "starred expression")
	}
}

// slash blanks the positional-only marker `/` (3.8) of a def or lambda at token k, with the
// comma before it: `def f(a, /, b)` becomes `def f(a   , b)`.
func (n *normalizer) slash(k int, inLambda bool) {
	next := n.is(k+1, ",") || n.is(k+1, ")") || inLambda && n.is(k+1, ":")
	if !n.is(k-1, ",") || !next {
		return
	}
	comma, t := n.toks[k-1], n.toks[k]
	n.write(comma.start, " ")
	n.write(t.start, " ")
	n.rewrote(comma.start, t.end, "positional-only parameter marker (/)")
}

// closeLambda drops a trailing comma after a lambda's starred parameters, at its ':' token k.
func (n *normalizer) closeLambda(k int, l normLambda) {
	if l.sawStar && n.is(k-1, ",") {
		n.dropComma(k - 1)
	}
}

func (n *normalizer) dropComma(k int) {
	t := n.toks[k]
	n.write(t.start, " ")
	n.rewrote(t.start, t.end, "trailing comma after *args or **kwargs")
}

// closeGroup finishes group g at its closing bracket, token k.
func (n *normalizer) closeGroup(g *normGroup, k int) {
	switch g.kind {
	case grpParams:
		if g.sawStar && n.is(k-1, ",") {
			n.dropComma(k - 1)
		}
	case grpCall:
		n.callArgs(g.args, k)
	}
}

// callArgs makes a call's arguments fit 3.4's order: positional and keyword arguments, one
// *x followed by keywords only, one **x last. Every other *x and **x loses its stars and
// becomes a positional argument (gpython takes those after keywords); a trailing comma after
// a kept *x or **x goes.
func (n *normalizer) callArgs(args []normArg, closer int) {
	if len(args) == 0 {
		return
	}
	last := len(args) - 1
	keepStarStar := args[last].kind == argStarStar
	for i, a := range args {
		if a.kind == argStarStar && !(keepStarStar && i == last) {
			n.unstar(a.tok)
			args[i].kind = argPositional
		}
	}
	keepStar := normKeptStar(args)
	for i, a := range args {
		if a.kind == argStar && i != keepStar {
			n.unstar(a.tok)
		}
	}
	if (keepStar >= 0 || keepStarStar) && n.is(closer-1, ",") {
		n.dropComma(closer - 1)
	}
}

// normKeptStar returns the index of the *x argument that only keywords and a last **x
// follow, or -1.
func normKeptStar(args []normArg) int {
	for i := len(args) - 1; i >= 0; i-- {
		switch args[i].kind {
		case argStar:
			return i
		case argPositional:
			return -1
		}
	}
	return -1
}

func (n *normalizer) unstar(k int) {
	t := n.toks[k]
	n.write(t.start, "  "[:t.end-t.start])
	n.rewrote(t.start, t.end, "unpacking in a call")
}
