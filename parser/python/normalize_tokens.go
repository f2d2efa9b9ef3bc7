package python

// This file holds token lookups and the rewrites of single tokens: f-strings, numbers, operators, async, await.

// tok returns token k, or a token of kind tokNone when k is out of range.
func (n *normalizer) tok(k int) normToken {
	if k < 0 || k >= len(n.toks) {
		return normToken{pair: -1}
	}
	return n.toks[k]
}

// is reports whether token k is an operator or name spelled s.
func (n *normalizer) is(k int, s string) bool {
	if k < 0 || k >= len(n.toks) {
		return false
	}
	// Every pass asks this of every token, several times: compare lengths before bytes.
	t := &n.toks[k]
	return t.end-t.start == len(s) && n.src[t.start] == s[0] && (t.kind == tokOp || t.kind == tokName) &&
		string(n.src[t.start:t.end]) == s
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
