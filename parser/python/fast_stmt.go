package python

// Statements of the fast parser: the simple statements, if/while/for, def and class with
// decorators, and imports. Anything else (try, with, lambda, comprehensions, yield, global,
// del, assert, raise, a def without parameters, ...) is declined, and gpython reads it.

import (
	"github.com/go-python/gpython/ast"
)

// stmt reads one statement, a compound statement or a line of simple statements, onto body.
func (p *fParser) stmt(body []ast.Stmt) []ast.Stmt {
	t := p.tok()
	switch {
	case t.kind == fOp && t.text == "@":
		return append(body, p.decorated())
	case t.kind != fName:
	case t.text == "if":
		return append(body, p.ifStmt())
	case t.text == "while":
		return append(body, p.whileStmt())
	case t.text == "for":
		return append(body, p.forStmt())
	case t.text == "def":
		return append(body, p.funcDef(nil))
	case t.text == "class":
		return append(body, p.classDef(nil))
	case t.text == "try":
		return append(body, p.tryStmt())
	case t.text == "with":
		return append(body, p.withStmt())
	}
	return p.simpleStmt(body)
}

// simpleStmt reads small statements separated by semicolons, through the NEWLINE, onto body.
func (p *fParser) simpleStmt(body []ast.Stmt) []ast.Stmt {
	for {
		body = append(body, p.smallStmt())
		if !p.isOp(";") {
			break
		}
		p.i++
		if p.tok().kind == fNewline {
			break
		}
	}
	if p.next().kind != fNewline {
		p.bail()
	}
	return body
}

func (p *fParser) smallStmt() ast.Stmt {
	t := p.tok()
	base := ast.StmtBase{Pos: t.pos()}
	if t.kind == fName {
		switch t.text {
		case "pass":
			p.i++
			return &ast.Pass{StmtBase: base}
		case "break":
			p.i++
			return &ast.Break{StmtBase: base}
		case "continue":
			p.i++
			return &ast.Continue{StmtBase: base}
		case "return":
			p.i++
			r := &ast.Return{StmtBase: base}
			if k := p.tok().kind; k != fNewline && !p.isOp(";") {
				r.Value = p.testList(false)
			}
			return r
		case "import":
			return p.importName()
		case "from":
			return p.importFrom()
		case "yield":
			return &ast.ExprStmt{StmtBase: base, Value: p.yieldExpr()}
		case "raise":
			p.i++
			r := &ast.Raise{StmtBase: base}
			if p.tok().kind != fNewline && !p.isOp(";") {
				r.Exc = p.test()
				r.Cause = p.testAfter(p.isKw("from"))
			}
			return r
		case "assert":
			p.i++
			a := &ast.Assert{StmtBase: base, Test: p.test()}
			a.Msg = p.testAfter(p.isOp(","))
			return a
		case "global":
			p.i++
			return &ast.Global{StmtBase: base, Names: p.names()}
		case "nonlocal":
			p.i++
			return &ast.Nonlocal{StmtBase: base, Names: p.names()}
		case "del":
			p.i++
			d := &ast.Delete{StmtBase: base}
			d.Targets, _ = p.targets()
			for _, t := range d.Targets {
				fSetCtx(p, t, ast.Del)
			}
			return d
		}
	}
	return p.exprStmt()
}

// testList reads tests separated by commas: a tuple placed at its first token, or one test.
// star allows starred items, as in assignments.
func (p *fParser) testList(star bool) ast.Expr {
	pos := p.pos()
	first := p.testOrStar(star)
	if !p.isOp(",") {
		return first
	}
	elts := []ast.Expr{first}
	for p.isOp(",") {
		p.i++
		if p.tok().kind == fNewline || p.isOp(";") || p.isOp("=") || fAugAssign[p.tok().text] != 0 && p.tok().kind == fOp {
			break
		}
		elts = append(elts, p.testOrStar(star))
	}
	return &ast.Tuple{ExprBase: ast.ExprBase{Pos: pos}, Elts: elts, Ctx: ast.Load}
}

// testAfter reads the test after the current token when there is one there (sep), or nil.
func (p *fParser) testAfter(sep bool) ast.Expr {
	if !sep {
		return nil
	}
	p.i++
	return p.test()
}

// value reads what is assigned: a yield expression or a testList.
func (p *fParser) value(star bool) ast.Expr {
	if p.isKw("yield") {
		return p.yieldExpr()
	}
	return p.testList(star)
}

// yieldExpr reads `yield`, `yield a, b` or `yield from a`.
func (p *fParser) yieldExpr() ast.Expr {
	base := ast.ExprBase{Pos: p.next().pos()}
	if p.isKw("from") {
		p.i++
		return &ast.YieldFrom{ExprBase: base, Value: p.test()}
	}
	if t := p.tok(); t.kind == fNewline || p.isOp(")") || p.isOp(";") || p.isOp("=") {
		return &ast.Yield{ExprBase: base}
	}
	return &ast.Yield{ExprBase: base, Value: p.testList(false)}
}

// fAugAssign maps augmented assignment operators to their operators (0 for none).
var fAugAssign = map[string]ast.OperatorNumber{
	"+=": ast.Add, "-=": ast.Sub, "*=": ast.Mult, "/=": ast.Div, "%=": ast.Modulo, "&=": ast.BitAnd,
	"|=": ast.BitOr, "^=": ast.BitXor, "<<=": ast.LShift, ">>=": ast.RShift, "**=": ast.Pow, "//=": ast.FloorDiv,
}

func (p *fParser) exprStmt() ast.Stmt {
	base := ast.StmtBase{Pos: p.pos()}
	first := p.testList(true)
	if t := p.tok(); t.kind == fOp {
		if op := fAugAssign[t.text]; op != 0 {
			p.i++
			switch first.(type) {
			case *ast.Name, *ast.Attribute, *ast.Subscript:
			default:
				p.bail()
			}
			fStore(p, first)
			return &ast.AugAssign{StmtBase: base, Target: first, Op: op, Value: p.value(false)}
		}
	}
	if !p.isOp("=") {
		if _, ok := first.(*ast.Starred); ok {
			p.bail() // gpython reads it, Python refuses it: left to gpython
		}
		return &ast.ExprStmt{StmtBase: base, Value: first}
	}
	p.i++
	targets := []ast.Expr{first}
	value := p.value(true)
	for p.isOp("=") { // a = b = c
		p.i++
		targets = append(targets, value)
		value = p.value(true)
	}
	for _, t := range targets {
		fStore(p, t)
	}
	return &ast.Assign{StmtBase: base, Targets: targets, Value: value}
}

// fStore marks an assignment target as stored to, declining what gpython would refuse.
func fStore(p *fParser, e ast.Expr) { fSetCtx(p, e, ast.Store) }

// fSetCtx marks a target as stored to or deleted, declining what gpython would refuse.
func fSetCtx(p *fParser, e ast.Expr, ctx ast.ExprContext) {
	switch e := e.(type) {
	case *ast.Name:
		e.Ctx = ctx
	case *ast.Attribute:
		e.Ctx = ctx
	case *ast.Subscript:
		e.Ctx = ctx
	case *ast.Tuple:
		e.Ctx = ctx
		for _, x := range e.Elts {
			fSetCtx(p, x, ctx)
		}
	case *ast.List:
		e.Ctx = ctx
		for _, x := range e.Elts {
			fSetCtx(p, x, ctx)
		}
	case *ast.Starred:
		// gpython marks what is starred only when it can be a target, and takes the rest.
		e.Ctx = ctx
		switch e.Value.(type) {
		case *ast.Name, *ast.Attribute, *ast.Subscript, *ast.Tuple, *ast.List, *ast.Starred:
			fSetCtx(p, e.Value, ctx)
		}
	default:
		p.bail()
	}
}

// names reads `a, b, c` for global and nonlocal.
func (p *fParser) names() []ast.Identifier {
	names := []ast.Identifier{ast.Identifier(p.name())}
	for p.isOp(",") {
		p.i++
		names = append(names, ast.Identifier(p.name()))
	}
	return names
}

// targets reads `expr, expr [,]`: the targets of for, del and comprehensions, whose items are
// operands without comparisons, so that `in` ends them. It reports a trailing comma.
func (p *fParser) targets() (elts []ast.Expr, comma bool) {
	for {
		if p.isOp("*") {
			pos := p.next().pos()
			elts = append(elts, &ast.Starred{ExprBase: ast.ExprBase{Pos: pos}, Value: p.binary(0), Ctx: ast.Load})
		} else {
			elts = append(elts, p.binary(0))
		}
		if !p.isOp(",") {
			return elts, false
		}
		p.i++
		if t := p.tok(); t.kind == fNewline || t.kind == fName && t.text == "in" || p.isOp(";") {
			return elts, true
		}
	}
}

// importName reads `import a.b as c, d`.
func (p *fParser) importName() ast.Stmt {
	s := &ast.Import{StmtBase: ast.StmtBase{Pos: p.next().pos()}}
	for {
		pos := p.pos()
		a := &ast.Alias{Pos: pos, Name: ast.Identifier(p.dottedName())}
		if p.isKw("as") {
			p.i++
			a.AsName = ast.Identifier(p.name())
		}
		s.Names = append(s.Names, a)
		if !p.isOp(",") {
			return s
		}
		p.i++
	}
}

// importFrom reads `from .a import b as c, d`, with or without brackets, or `import *`.
func (p *fParser) importFrom() ast.Stmt {
	s := &ast.ImportFrom{StmtBase: ast.StmtBase{Pos: p.next().pos()}}
	for p.isOp(".") || p.isOp("...") {
		s.Level += len(p.next().text)
	}
	if s.Level == 0 || !p.isKw("import") {
		s.Module = ast.Identifier(p.dottedName())
	}
	p.expectKw("import")
	if p.isOp("*") {
		s.Names = []*ast.Alias{{Pos: p.next().pos(), Name: "*"}}
		return s
	}
	paren := p.isOp("(")
	if paren {
		p.i++
	}
	for {
		a := &ast.Alias{Pos: p.pos(), Name: ast.Identifier(p.name())}
		if p.isKw("as") {
			p.i++
			a.AsName = ast.Identifier(p.name())
		}
		s.Names = append(s.Names, a)
		if !p.isOp(",") {
			break
		}
		p.i++
		if paren && p.isOp(")") || !paren && p.tok().kind == fNewline {
			break
		}
	}
	if paren {
		p.expectOp(")")
	}
	return s
}

// name reads an identifier that is not a keyword.
func (p *fParser) name() string {
	t := p.next()
	if t.kind != fName || fIsKeyword(t.text) {
		p.bail()
	}
	return t.text
}

func (p *fParser) dottedName() string {
	s := p.name()
	for p.isOp(".") {
		p.i++
		s += "." + p.name()
	}
	return s
}
