package python

// Compound statements of the fast parser. gpython places an elif, and an except clause, where
// its parser's stack holds the INDENT of the block before it (the first line of the if's or
// the try's body, column 0); this parser does the same, and declines those clauses after a
// body on the same line, where that slot holds a stale value.

import (
	"github.com/go-python/gpython/ast"
)

// suite reads a simple statement on the same line, or an indented block.
func (p *fParser) suite() []ast.Stmt {
	body, _, _ := p.suiteAt()
	return body
}

// suiteAt is suite that also returns the position of the block's INDENT, and whether there
// was a block.
func (p *fParser) suiteAt() (body []ast.Stmt, indent ast.Pos, block bool) {
	p.expectOp(":")
	if p.tok().kind != fNewline {
		return p.simpleStmt(nil), indent, false
	}
	p.i++
	if p.tok().kind != fIndent {
		p.bail()
	}
	indent = p.next().pos()
	p.enter()
	defer p.leave()
	for p.tok().kind != fDedent {
		if k := p.tok().kind; k == fEnd || k == fIndent {
			p.bail()
		}
		body = p.stmt(body)
	}
	p.i++
	return body, indent, true
}

func (p *fParser) ifStmt() ast.Stmt {
	s := &ast.If{StmtBase: ast.StmtBase{Pos: p.next().pos()}}
	s.Test = p.test()
	var indent ast.Pos
	var block bool
	s.Body, indent, block = p.suiteAt()
	last := s
	for p.isKw("elif") {
		if !block {
			p.bail()
		}
		p.i++
		elif := &ast.If{StmtBase: ast.StmtBase{Pos: indent}, Test: p.test()}
		elif.Body = p.suite()
		last.Orelse = []ast.Stmt{elif}
		last = elif
	}
	if p.isKw("else") {
		last.Orelse = p.orElse()
	}
	return s
}

// tryStmt reads try with its except, else and finally clauses, as gpython's grammar has them
// (which takes a try with none).
func (p *fParser) tryStmt() ast.Stmt {
	s := &ast.Try{StmtBase: ast.StmtBase{Pos: p.next().pos()}}
	var indent ast.Pos
	var block bool
	s.Body, indent, block = p.suiteAt()
	for p.isKw("except") {
		if !block {
			p.bail()
		}
		p.i++
		h := &ast.ExceptHandler{Pos: indent}
		if !p.isOp(":") {
			h.ExprType = p.test()
			if p.isKw("as") {
				p.i++
				h.Name = ast.Identifier(p.name())
			}
		}
		h.Body = p.suite()
		s.Handlers = append(s.Handlers, h)
	}
	s.Orelse = p.orElse()
	if p.isKw("finally") {
		p.i++
		s.Finalbody = p.suite()
	}
	return s
}

// withStmt reads `with a as b, c:`.
func (p *fParser) withStmt() ast.Stmt {
	s := &ast.With{StmtBase: ast.StmtBase{Pos: p.next().pos()}}
	for {
		it := &ast.WithItem{Pos: p.pos(), ContextExpr: p.test()}
		if p.isKw("as") {
			p.i++
			it.OptionalVars = p.binary(0)
			fStore(p, it.OptionalVars)
		}
		s.Items = append(s.Items, it)
		if !p.isOp(",") {
			break
		}
		p.i++
	}
	s.Body = p.suite()
	return s
}

// orElse reads an optional else clause.
func (p *fParser) orElse() []ast.Stmt {
	if !p.isKw("else") {
		return nil
	}
	p.i++
	return p.suite()
}

func (p *fParser) whileStmt() ast.Stmt {
	s := &ast.While{StmtBase: ast.StmtBase{Pos: p.next().pos()}}
	s.Test = p.test()
	s.Body = p.suite()
	s.Orelse = p.orElse()
	return s
}

func (p *fParser) forStmt() ast.Stmt {
	pos := p.next().pos()
	elts, _ := p.targets()
	// gpython drops the trailing comma of a one-name target and places a tuple at `for`.
	target := fTupleOrExpr(pos, elts, false)
	fStore(p, target)
	p.expectKw("in")
	s := &ast.For{StmtBase: ast.StmtBase{Pos: pos}, Target: target, Iter: p.testList(false)}
	s.Body = p.suite()
	s.Orelse = p.orElse()
	return s
}

// decorated reads decorators and the def or class they decorate.
func (p *fParser) decorated() ast.Stmt {
	var decorators []ast.Expr
	for p.isOp("@") {
		at := p.next().pos()
		var d ast.Expr = &ast.Name{ExprBase: ast.ExprBase{Pos: at}, Id: ast.Identifier(p.dottedName()), Ctx: ast.Load}
		if p.isOp("(") {
			p.i++
			// gpython places an empty call where its parser's stack holds a stale position,
			// which nothing reads (a call is reported at its function): here, at its bracket.
			c := &ast.Call{ExprBase: ast.ExprBase{Pos: p.at(p.i - 1).pos()}}
			if !p.isOp(")") {
				c = p.arglist()
			}
			p.expectOp(")")
			c.Func = d
			d = c
		}
		if p.next().kind != fNewline {
			p.bail()
		}
		decorators = append(decorators, d)
	}
	switch {
	case p.isKw("def"):
		return p.funcDef(decorators)
	case p.isKw("class"):
		return p.classDef(decorators)
	}
	p.bail()
	return nil
}

func (p *fParser) funcDef(decorators []ast.Expr) ast.Stmt {
	s := &ast.FunctionDef{StmtBase: ast.StmtBase{Pos: p.next().pos()}, DecoratorList: decorators}
	s.Name = ast.Identifier(p.name())
	p.expectOp("(")
	if p.isOp(")") {
		// gpython places empty arguments where its parser's stack holds a stale position,
		// which nothing reads: here, at the closing bracket.
		s.Args = &ast.Arguments{Pos: p.pos()}
	} else {
		s.Args = p.parameters(false)
	}
	p.expectOp(")")
	if p.isOp("->") {
		p.i++
		s.Returns = p.test()
	}
	s.Body = p.suite()
	return s
}

// parameters reads a def's parameter list (or a lambda's, without annotations, up to its
// colon) as gpython's grammar allows it: parameters with optional defaults and a trailing
// comma, or then `*[name]` with keyword-only parameters and `**name`.
func (p *fParser) parameters(lambda bool) *ast.Arguments {
	closing := ")"
	if lambda {
		closing = ":"
	}
	a := &ast.Arguments{Pos: p.pos()}
	for !p.isOp("*") && !p.isOp("**") {
		p.parameterInto(&a.Args, &a.Defaults, lambda)
		if !p.isOp(",") {
			return a
		}
		p.i++
		if p.isOp(closing) {
			return a
		}
	}
	if p.isOp("*") {
		p.i++
		if !p.isOp(",") && !p.isOp(closing) {
			a.Vararg = p.parameterNoDefault(lambda)
		}
		for p.isOp(",") && !(p.peek().kind == fOp && p.peek().text == "**") {
			p.i++
			p.parameterInto(&a.Kwonlyargs, &a.KwDefaults, lambda)
		}
		if !p.isOp(",") {
			return a
		}
		p.i++
	}
	p.expectOp("**")
	a.Kwarg = p.parameterNoDefault(lambda)
	return a
}

// parameterInto reads `name[: annotation][= default]` onto args, and its default, if any, onto
// defaults (gpython lists only the defaults there are).
func (p *fParser) parameterInto(args *[]*ast.Arg, defaults *[]ast.Expr, lambda bool) {
	*args = append(*args, p.parameterNoDefault(lambda))
	if p.isOp("=") {
		p.i++
		*defaults = append(*defaults, p.test())
	}
}

func (p *fParser) parameterNoDefault(lambda bool) *ast.Arg {
	arg := &ast.Arg{Pos: p.pos(), Arg: ast.Identifier(p.name())}
	if !lambda && p.isOp(":") {
		p.i++
		arg.Annotation = p.test()
	}
	return arg
}

func (p *fParser) classDef(decorators []ast.Expr) ast.Stmt {
	s := &ast.ClassDef{StmtBase: ast.StmtBase{Pos: p.next().pos()}, DecoratorList: decorators}
	s.Name = ast.Identifier(p.name())
	if p.isOp("(") {
		p.i++
		if !p.isOp(")") {
			c := p.arglist()
			s.Bases, s.Keywords, s.Starargs, s.Kwargs = c.Args, c.Keywords, c.Starargs, c.Kwargs
		}
		p.expectOp(")")
	}
	s.Body = p.suite()
	return s
}
