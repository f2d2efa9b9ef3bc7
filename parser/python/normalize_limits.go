package python

// This file holds the nesting limits that every input passes before gpython sees it. gpython's
// parser is an LALR automaton with a stack of its own, but the tree it builds is walked
// recursively (by gpython's ast.Walk and by flowc's lowering and messages), so a tree as deep as
// the input is long (a million unary minus signs, a 500,000-term sum, an attribute chain) would
// overflow Go's stack, and walks that copy text at every level would take quadratic time. So
// the depth of every tree the input can describe is bounded here, from the tokens, in one
// linear pass: CPython's own limits for brackets and indentation, and one for the operators
// that nest inside a single operand.

const (
	// normMaxBrackets is CPython's tokenizer limit: "too many nested parentheses".
	normMaxBrackets = 200
	// normMaxIndent is CPython's tokenizer limit: "too many levels of indentation".
	normMaxIndent = 100
	// normMaxChain bounds the operators, calls, subscripts, attributes and keywords (not,
	// lambda, if/else) in one comma-separated element of one bracket level, plus the depth of
	// the brackets inside it: the depth of the tree that element becomes.
	normMaxChain = 200
	// normMaxElif bounds a chain of elif clauses, which the tree nests one inside the other.
	normMaxElif = 200
)

// limit returns the first place where the tokens nest deeper than flowc reads, with what is too
// deep in Construct, or nil when they are within every limit.
func (n *normalizer) limit() *Unsupported {
	off, what := n.indentLimit()
	if o, w := n.exprLimit(); w != "" && (what == "" || o < off) {
		off, what = o, w
	}
	if o, w := n.refused(); w != "" && (what == "" || o < off) {
		off, what = o, w
	}
	if what == "" {
		return nil
	}
	line, col := n.position(off)
	return &Unsupported{Line: line, Col: col, Construct: what}
}

// indentLimit finds the first logical line indented more than normMaxIndent levels deep, or the
// first elif past normMaxElif in one if statement.
func (n *normalizer) indentLimit() (int, string) {
	type level struct{ width, elifs int }
	stack := []level{{}}
	k := 0 // the token that starts the logical line
	for _, off := range n.logical {
		for k < len(n.toks) && n.toks[k].start < off {
			k++
		}
		w := n.indent(off)
		for len(stack) > 1 && stack[len(stack)-1].width > w {
			stack = stack[:len(stack)-1]
		}
		if top := &stack[len(stack)-1]; top.width < w {
			stack = append(stack, level{width: w})
		}
		if len(stack) > normMaxIndent+1 {
			return off, "too many levels of indentation (flowc reads at most 100, as CPython does)"
		}
		top := &stack[len(stack)-1]
		switch {
		case n.is(k, "elif"):
			top.elifs++
			if top.elifs > normMaxElif {
				return off, "too many elif clauses in one if statement (flowc reads at most 200)"
			}
		case !n.is(k, "else"):
			top.elifs = 0
		}
	}
	return 0, ""
}

// exprLimit finds the first bracket nested more than normMaxBrackets deep, or the first token
// that makes one element nest more than normMaxChain deep.
func (n *normalizer) exprLimit() (int, string) {
	stack := []normFrame{{}} // one frame per open bracket, the first for the logical line
	for k, t := range n.toks {
		top := &stack[len(stack)-1]
		switch {
		case t.kind == tokNewline:
			stack = append(stack[:0], normFrame{})
			continue
		case t.kind != tokOp && t.kind != tokName:
			// an operand: nothing nests
		case n.is(k, "(") || n.is(k, "[") || n.is(k, "{"):
			if len(stack) > normMaxBrackets {
				return t.start, "too many nested parentheses (flowc reads at most 200, as CPython does)"
			}
			if n.endsOperand(k - 1) { // a call or a subscript nests what comes before it
				top.ops++
			}
			stack = append(stack, normFrame{})
		case n.is(k, ")") || n.is(k, "]") || n.is(k, "}"):
			if len(stack) > 1 {
				inner := stack[len(stack)-1].deepest() + 1
				stack = stack[:len(stack)-1]
				top = &stack[len(stack)-1]
				top.inner = max(top.inner, inner)
			}
		case n.is(k, ",") || n.is(k, ";"):
			*top = normFrame{best: top.deepest()}
		case t.kind == tokOp || t.kind == tokName && normKeywords[string(n.src[t.start:t.end])]:
			top.ops++
		}
		if top.depth() > normMaxChain {
			return t.start, "expression nested too deeply (flowc reads at most 200 operators, calls and attributes in one operand; split it into smaller expressions)"
		}
	}
	return 0, ""
}

// normFrame is what exprLimit knows of one bracket level: the nesting operators of the element
// being read, the deepest bracket group closed inside it, and the deepest element before it.
type normFrame struct{ ops, inner, best int }

// depth bounds the depth of the tree of the element being read.
func (f normFrame) depth() int { return f.ops + f.inner }

// deepest bounds the depth of every element of the level so far.
func (f normFrame) deepest() int { return max(f.best, f.depth()) }
