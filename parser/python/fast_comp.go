package python

// Lambdas and comprehensions for the fast parser. gpython places a comprehension's tuple
// target at its `for`, a generator expression that is a call's argument at its first token,
// and one in brackets at the bracket.

import (
	"github.com/go-python/gpython/ast"
)

// lambdef reads `lambda [params]: test`.
func (p *fParser) lambdef() ast.Expr {
	pos := p.next().pos()
	l := &ast.Lambda{ExprBase: ast.ExprBase{Pos: pos}, Args: &ast.Arguments{Pos: pos}}
	if !p.isOp(":") {
		l.Args = p.parameters(true)
	}
	p.expectOp(":")
	l.Body = p.test()
	return l
}

// compFor reads the for and if clauses of a comprehension, from its first `for`.
func (p *fParser) compFor() []ast.Comprehension {
	var gens []ast.Comprehension
	for p.isKw("for") {
		pos := p.next().pos()
		elts, comma := p.targets()
		c := ast.Comprehension{Target: fTupleOrExpr(pos, elts, comma)}
		fStore(p, c.Target)
		p.expectKw("in")
		c.Iter = p.orTest()
		for p.isKw("if") {
			p.i++
			c.Ifs = append(c.Ifs, p.orTest())
		}
		gens = append(gens, c)
	}
	return gens
}

// display reads the items of a tuple, list or set up to closing, or the element and clauses of
// a comprehension (gens not nil), after first when it was read already; comma reports a
// trailing comma. Starred items are read where star allows them (tuples and lists).
func (p *fParser) display(closing string, first ast.Expr, star bool) (elts []ast.Expr, comma bool, gens []ast.Comprehension) {
	if first == nil {
		first = p.testOrStar(star)
	}
	if p.isKw("for") {
		return []ast.Expr{first}, false, p.compFor()
	}
	elts = []ast.Expr{first}
	for p.isOp(",") {
		p.i++
		if p.isOp(closing) {
			return elts, true, nil
		}
		elts = append(elts, p.testOrStar(star))
	}
	return elts, false, nil
}
