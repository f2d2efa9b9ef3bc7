package python

// This file holds the rewrites of starred unpacking and of parameter lists.

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
		if t.kind != tokOp && t.kind != tokName {
			continue // every case below is an operator or a keyword
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
