package python

// Statements of the fast parser: the simple statements, if/while/for, def and class with
// decorators, and imports. Anything else (try, with, lambda, comprehensions, yield, global,
// del, assert, raise, a def without parameters, ...) is declined, and gpython reads it.

import (
	"github.com/go-python/gpython/ast"
)

// stmt reads one statement: a compound statement, or a line of simple statements.
func (p *fParser) stmt() []ast.Stmt {
	t := p.tok()
	switch {
	case t.kind == fOp && t.text == "@":
		return []ast.Stmt{p.decorated()}
	case t.kind != fName:
	case t.text == "if":
		return []ast.Stmt{p.ifStmt()}
	case t.text == "while":
		return []ast.Stmt{p.whileStmt()}
	case t.text == "for":
		return []ast.Stmt{p.forStmt()}
	case t.text == "def":
		return []ast.Stmt{p.funcDef(nil)}
	case t.text == "class":
		return []ast.Stmt{p.classDef(nil)}
	}
	return p.simpleStmt()
}

// simpleStmt reads small statements separated by semicolons, through the NEWLINE.
func (p *fParser) simpleStmt() []ast.Stmt {
	var stmts []ast.Stmt
	for {
		stmts = append(stmts, p.smallStmt())
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
	return stmts
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
				r.Value = p.testList()
			}
			return r
		case "import":
			return p.importName()
		case "from":
			return p.importFrom()
		}
	}
	return p.exprStmt()
}

// testList reads tests separated by commas: a tuple placed at its first token, or one test.
func (p *fParser) testList() ast.Expr {
	pos := p.pos()
	first := p.test()
	if !p.isOp(",") {
		return first
	}
	elts := []ast.Expr{first}
	for p.isOp(",") {
		p.i++
		if p.tok().kind == fNewline || p.isOp(";") || p.isOp("=") || fAugAssign[p.tok().text] != 0 && p.tok().kind == fOp {
			break
		}
		elts = append(elts, p.test())
	}
	return &ast.Tuple{ExprBase: ast.ExprBase{Pos: pos}, Elts: elts, Ctx: ast.Load}
}

// fAugAssign maps augmented assignment operators to their operators (0 for none).
var fAugAssign = map[string]ast.OperatorNumber{
	"+=": ast.Add, "-=": ast.Sub, "*=": ast.Mult, "/=": ast.Div, "%=": ast.Modulo, "&=": ast.BitAnd,
	"|=": ast.BitOr, "^=": ast.BitXor, "<<=": ast.LShift, ">>=": ast.RShift, "**=": ast.Pow, "//=": ast.FloorDiv,
}

func (p *fParser) exprStmt() ast.Stmt {
	base := ast.StmtBase{Pos: p.pos()}
	first := p.testList()
	if t := p.tok(); t.kind == fOp {
		if op := fAugAssign[t.text]; op != 0 {
			p.i++
			switch first.(type) {
			case *ast.Name, *ast.Attribute, *ast.Subscript:
			default:
				p.bail()
			}
			fStore(p, first)
			return &ast.AugAssign{StmtBase: base, Target: first, Op: op, Value: p.testList()}
		}
	}
	if !p.isOp("=") {
		return &ast.ExprStmt{StmtBase: base, Value: first}
	}
	targets := []ast.Expr{first}
	for p.isOp("=") {
		p.i++
		targets = append(targets, p.testList())
	}
	value := targets[len(targets)-1]
	targets = targets[:len(targets)-1]
	for _, t := range targets {
		fStore(p, t)
	}
	return &ast.Assign{StmtBase: base, Targets: targets, Value: value}
}

// fStore marks an assignment target as stored to, declining what gpython would refuse.
func fStore(p *fParser, e ast.Expr) {
	switch e := e.(type) {
	case *ast.Name:
		e.Ctx = ast.Store
	case *ast.Attribute:
		e.Ctx = ast.Store
	case *ast.Subscript:
		e.Ctx = ast.Store
	case *ast.Tuple:
		e.Ctx = ast.Store
		for _, x := range e.Elts {
			fStore(p, x)
		}
	case *ast.List:
		e.Ctx = ast.Store
		for _, x := range e.Elts {
			fStore(p, x)
		}
	default:
		p.bail()
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

// suite reads a simple statement on the same line, or an indented block.
func (p *fParser) suite() []ast.Stmt {
	p.expectOp(":")
	if p.tok().kind != fNewline {
		return p.simpleStmt()
	}
	p.i++
	if p.next().kind != fIndent {
		p.bail()
	}
	p.enter()
	defer p.leave()
	var body []ast.Stmt
	for p.tok().kind != fDedent {
		if k := p.tok().kind; k == fEnd || k == fIndent {
			p.bail()
		}
		body = append(body, p.stmt()...)
	}
	p.i++
	return body
}

func (p *fParser) ifStmt() ast.Stmt {
	s := &ast.If{StmtBase: ast.StmtBase{Pos: p.next().pos()}}
	s.Test = p.test()
	s.Body = p.suite()
	if p.isKw("elif") {
		p.bail() // gpython places an elif where its parser's stack happens to hold a position
	}
	s.Orelse = p.orElse()
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
	var elts []ast.Expr
	for {
		elts = append(elts, p.binary(0))
		if !p.isOp(",") {
			break
		}
		p.i++
		if p.isKw("in") {
			break
		}
	}
	// gpython drops the trailing comma of a one-name target and places a tuple at `for`.
	target := fTupleOrExpr(pos, elts, false)
	fStore(p, target)
	p.expectKw("in")
	s := &ast.For{StmtBase: ast.StmtBase{Pos: pos}, Target: target, Iter: p.testList()}
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
			if p.isOp(")") {
				p.bail() // gpython places an empty call where its parser's stack happens to hold a position
			}
			c := p.arglist()
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
		p.bail() // gpython places empty arguments where its parser's stack happens to hold a position
	}
	s.Args = p.parameters()
	p.expectOp(")")
	if p.isOp("->") {
		p.i++
		s.Returns = p.test()
	}
	s.Body = p.suite()
	return s
}

// parameters reads a def's parameter list as gpython's grammar allows it: parameters with
// optional defaults and a trailing comma, or then `*[name]` with keyword-only parameters and
// `**name`.
func (p *fParser) parameters() *ast.Arguments {
	a := &ast.Arguments{Pos: p.pos()}
	for !p.isOp("*") && !p.isOp("**") {
		arg, def := p.parameter()
		a.Args = append(a.Args, arg)
		if def != nil {
			a.Defaults = append(a.Defaults, def)
		}
		if !p.isOp(",") {
			return a
		}
		p.i++
		if p.isOp(")") {
			return a
		}
	}
	if p.isOp("*") {
		p.i++
		if !p.isOp(",") && !p.isOp(")") {
			a.Vararg = p.parameterNoDefault()
		}
		for p.isOp(",") && !(p.peek().kind == fOp && p.peek().text == "**") {
			p.i++
			arg, def := p.parameter()
			a.Kwonlyargs = append(a.Kwonlyargs, arg)
			if def != nil {
				a.KwDefaults = append(a.KwDefaults, def)
			}
		}
		if !p.isOp(",") {
			return a
		}
		p.i++
	}
	p.expectOp("**")
	a.Kwarg = p.parameterNoDefault()
	return a
}

// parameter reads `name[: annotation][= default]`.
func (p *fParser) parameter() (*ast.Arg, ast.Expr) {
	arg := p.parameterNoDefault()
	if !p.isOp("=") {
		return arg, nil
	}
	p.i++
	return arg, p.test()
}

func (p *fParser) parameterNoDefault() *ast.Arg {
	arg := &ast.Arg{Pos: p.pos(), Arg: ast.Identifier(p.name())}
	if p.isOp(":") {
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
