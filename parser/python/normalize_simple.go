package python

// This file holds the rewrites of simple statements (annotations, type aliases) and decorators.

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
