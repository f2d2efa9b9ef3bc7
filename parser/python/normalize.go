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

import "sort"

// Unsupported is a construct that Normalize found and could not rewrite.
type Unsupported struct {
	Line, Col int    // 1-based; Col counts bytes
	Construct string // human name: "f-string", "walrus operator (:=)", "match statement", ...
}

// Normalize rewrites Python 3.5+ syntax that gpython's 3.4 parser rejects into 3.4 syntax of the
// same byte length on every line, so that every line:col in the output is the same place in src.
// What it cannot rewrite it reports as unsupported constructs (position = where the construct starts).
// Input nested deeper than flowc reads (see normalize_limits.go) comes back unchanged, with that
// as its one unsupported construct.
func Normalize(src []byte) (out []byte, unsupported []Unsupported) {
	out, unsupported, limit := normalizeLimited(src)
	if limit != nil {
		return out, []Unsupported{*limit}
	}
	return out, unsupported
}

// normalizeLimited is Normalize that reports a nesting limit apart from the unsupported
// constructs; then nothing was rewritten.
func normalizeLimited(src []byte) (out []byte, unsupported []Unsupported, limit *Unsupported) {
	return newNormalizer(src).limited()
}

// limited is normalizeLimited on the source n analysed.
func (n *normalizer) limited() (out []byte, unsupported []Unsupported, limit *Unsupported) {
	if n.tooDeep != nil {
		return n.out, nil, n.tooDeep
	}
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
	return n.out, unsupported, nil
}

// FirstBroken returns the first syntax error of the source itself that the tokenizer found (an
// unclosed bracket, an unterminated string, an invalid character), at the place it starts: where
// CPython reports it, and a better place than where a parser that went on reading gave up.
func FirstBroken(src []byte) (u Unsupported, ok bool) {
	return newNormalizer(src).firstBroken()
}

func (n *normalizer) firstBroken() (u Unsupported, ok bool) {
	for _, s := range n.spans { // sorted by start
		if s.class == spanBroken {
			line, col := n.position(s.start)
			return Unsupported{Line: line, Col: col, Construct: s.name}, true
		}
	}
	return Unsupported{}, false
}

// ConstructAt names the construct at or near line:col of src (1-based, col in bytes, as in
// Unsupported) that gpython cannot parse, so that a syntax error there is never reported
// misleadingly. It prefers, in order: an unsupported construct or a syntax error of the source
// (unterminated string, unclosed bracket, invalid character) containing the position; a
// construct that Normalize rewrote containing it (an if that came from a match statement, a
// string that came from an f-string); an unsupported construct or syntax error earlier on the
// same logical line. It returns "" when nothing known is there.
func ConstructAt(src []byte, line, col int) string {
	return newNormalizer(src).constructAt(line, col)
}

// constructAt is ConstructAt on the source n analysed: the frontend asks it of every if
// statement, and analysing the file each time would take time quadratic in its length.
func (n *normalizer) constructAt(line, col int) string {
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
	lineStarts []int        // offset of each physical line
	logical    []int        // offset of the first token of each logical line
	fBudget    int          // bytes f-string scanning may still read; see scanString
	tooDeep    *Unsupported // where the input nests deeper than flowc reads; then nothing is rewritten
	reach      []int        // see innermost
}

func newNormalizer(src []byte) *normalizer {
	n := &normalizer{src: normNewlines(src), fBudget: 4*len(src) + 4096}
	n.out = append([]byte(nil), n.src...)
	n.indexLines()
	n.tokenize()
	if n.tooDeep = n.limit(); n.tooDeep != nil {
		return n
	}
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
//
// The spans are sorted by start, and reach[i] is the furthest any of spans[:i+1] reaches: so it
// looks back from the last span starting at or before off only as far as a span can still
// contain off, which keeps asking it of every if statement of a file linear in practice.
func (n *normalizer) innermost(off int, rewritten bool) *normSpan {
	if n.reach == nil {
		// Sorted already, unless the nesting limit stopped the analysis early.
		sort.SliceStable(n.spans, func(i, j int) bool { return n.spans[i].start < n.spans[j].start })
		n.reach = make([]int, len(n.spans))
		for i := range n.spans {
			n.reach[i] = max(n.spans[i].end, n.spans[i].start+1)
			if i > 0 {
				n.reach[i] = max(n.reach[i], n.reach[i-1])
			}
		}
	}
	var best *normSpan
	i := sort.Search(len(n.spans), func(i int) bool { return n.spans[i].start > off }) - 1
	for ; i >= 0 && n.reach[i] > off; i-- {
		s := &n.spans[i]
		if (s.class == spanRewritten) != rewritten || off >= max(s.end, s.start+1) {
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
