package python

// This file holds the walk over logical lines and the rewrites of compound statement headers and match.

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
