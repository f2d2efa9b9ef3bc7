package python

// Expressions of the fast parser. Positions follow gpython's grammar actions: a node made by a
// rule is placed at the first token of the text the rule matched (so `(a + b) * c` is at the
// bracket), an attribute at its dot, a subscript at its bracket, a call with arguments at 0:0
// and a call without at its bracket, a unary operator at itself.

import (
	"github.com/go-python/gpython/ast"
)

// fMaxDepth bounds the recursion of the fast parser, whatever the input: past it the statement
// goes to gpython, behind the normaliser's nesting limits.
const fMaxDepth = 1000

// fBail is the panic value by which the fast parser declines a statement.
type fBail struct{}

// fParser parses the tokens of an fLexer; i indexes its buffer.
type fParser struct {
	lx    *fLexer
	i     int
	depth int
}

func (p *fParser) bail() { panic(fBail{}) }

// at returns token j of the buffer, reading lines as needed.
func (p *fParser) at(j int) *fTok {
	for j >= len(p.lx.toks) {
		p.lx.more()
	}
	return &p.lx.toks[j]
}

func (p *fParser) tok() *fTok   { return p.at(p.i) }
func (p *fParser) peek() *fTok  { return p.at(p.i + 1) }
func (p *fParser) next() *fTok  { t := p.at(p.i); p.i++; return t }
func (p *fParser) pos() ast.Pos { return p.at(p.i).pos() }

func (p *fParser) isOp(s string) bool {
	t := p.tok()
	return t.kind == fOp && t.text == s
}

// isKw reports whether the current token is the keyword (or name) s.
func (p *fParser) isKw(s string) bool {
	t := p.tok()
	return t.kind == fName && t.text == s
}

func (p *fParser) expectOp(s string) {
	if !p.isOp(s) {
		p.bail()
	}
	p.i++
}

func (p *fParser) expectKw(s string) {
	if !p.isKw(s) {
		p.bail()
	}
	p.i++
}

func (p *fParser) enter() {
	if p.depth++; p.depth > fMaxDepth {
		p.bail()
	}
}

func (p *fParser) leave() { p.depth-- }

// test: or_test ['if' or_test 'else' test]; lambdas are declined.
func (p *fParser) test() ast.Expr {
	// Most operands are a lone name or number: read them without the dozen calls between.
	if t := p.tok(); (t.kind == fNum || t.kind == fName && !fIsKeyword(t.text)) && fEndsTest(p.peek()) {
		return p.atom()
	}
	p.enter()
	defer p.leave()
	if p.isKw("lambda") {
		return p.lambdef()
	}
	pos := p.pos()
	body := p.orTest()
	if !p.isKw("if") {
		return body
	}
	p.i++
	cond := p.orTest()
	p.expectKw("else")
	orelse := p.test()
	return &ast.IfExp{ExprBase: ast.ExprBase{Pos: pos}, Test: cond, Body: body, Orelse: orelse}
}

// fEndsTest reports whether t cannot continue an expression: it ends a test.
func fEndsTest(t *fTok) bool {
	switch t.kind {
	case fNewline:
		return true
	case fOp:
		switch t.text {
		case ",", ")", "]", "}", "=", ":", ";":
			return true
		}
	}
	return false
}

func (p *fParser) orTest() ast.Expr  { return p.boolOp("or", ast.Or, p.andTest) }
func (p *fParser) andTest() ast.Expr { return p.boolOp("and", ast.And, p.notTest) }

// boolOp reads operands joined by the keyword kw into one BoolOp.
func (p *fParser) boolOp(kw string, op ast.BoolOpNumber, operand func() ast.Expr) ast.Expr {
	pos := p.pos()
	first := operand()
	if !p.isKw(kw) {
		return first
	}
	b := &ast.BoolOp{ExprBase: ast.ExprBase{Pos: pos}, Op: op, Values: []ast.Expr{first}}
	for p.isKw(kw) {
		p.i++
		b.Values = append(b.Values, operand())
	}
	return b
}

func (p *fParser) notTest() ast.Expr {
	if !p.isKw("not") {
		return p.comparison()
	}
	pos := p.pos()
	p.i++
	p.enter()
	defer p.leave()
	return &ast.UnaryOp{ExprBase: ast.ExprBase{Pos: pos}, Op: ast.Not, Operand: p.notTest()}
}

func (p *fParser) comparison() ast.Expr {
	pos := p.pos()
	left := p.binary(0)
	var c *ast.Compare
	for {
		op, ok := p.compOp()
		if !ok {
			break
		}
		if c == nil {
			c = &ast.Compare{ExprBase: ast.ExprBase{Pos: pos}, Left: left}
		}
		c.Ops = append(c.Ops, op)
		c.Comparators = append(c.Comparators, p.binary(0))
	}
	if c == nil {
		return left
	}
	return c
}

// fCompOps are the comparison operators that are operator tokens.
var fCompOps = [...]struct {
	text string
	op   ast.CmpOp
}{{"<", ast.Lt}, {">", ast.Gt}, {"==", ast.Eq}, {">=", ast.GtE}, {"<=", ast.LtE}, {"!=", ast.NotEq}}

// compOp reads a comparison operator, if one is next.
func (p *fParser) compOp() (ast.CmpOp, bool) {
	t := p.tok()
	var op ast.CmpOp
	switch {
	case t.kind == fOp:
		i := 0
		for i < len(fCompOps) && fCompOps[i].text != t.text {
			i++
		}
		if i == len(fCompOps) {
			return 0, false
		}
		op = fCompOps[i].op
	case t.kind == fName && t.text == "in":
		op = ast.In
	case t.kind == fName && t.text == "not" && p.peek().kind == fName && p.peek().text == "in":
		p.i++
		op = ast.NotIn
	case t.kind == fName && t.text == "is":
		op = ast.Is
		if n := p.peek(); n.kind == fName && n.text == "not" {
			p.i++
			op = ast.IsNot
		}
	default:
		return 0, false
	}
	p.i++
	return op, true
}

// fBinaryOps are the binary operators with their levels, from the loosest binding (0, |) to
// the tightest (5, * / % //).
var fBinaryOps = [...]struct {
	text  string
	op    ast.OperatorNumber
	level int
}{
	{"|", ast.BitOr, 0}, {"^", ast.BitXor, 1}, {"&", ast.BitAnd, 2}, {"<<", ast.LShift, 3}, {">>", ast.RShift, 3},
	{"+", ast.Add, 4}, {"-", ast.Sub, 4}, {"*", ast.Mult, 5}, {"/", ast.Div, 5}, {"%", ast.Modulo, 5}, {"//", ast.FloorDiv, 5},
}

// fBinaryOp returns the operator of a binary operator token and its level; level -1 for other
// tokens.
func fBinaryOp(t *fTok) (ast.OperatorNumber, int) {
	if t.kind == fOp {
		for i := range fBinaryOps {
			if fBinaryOps[i].text == t.text {
				return fBinaryOps[i].op, fBinaryOps[i].level
			}
		}
	}
	return 0, -1
}

// binary reads operands joined by binary operators of level min or tighter, each level left
// associative, by precedence climbing: a long sum is read by a loop and costs no stack. Every
// node is placed at the first token of its left operand, as gpython places it.
func (p *fParser) binary(min int) ast.Expr {
	pos := p.pos()
	left := p.factor()
	for {
		op, level := fBinaryOp(p.tok())
		if level < min {
			return left
		}
		p.i++
		right := p.binary(level + 1)
		left = &ast.BinOp{ExprBase: ast.ExprBase{Pos: pos}, Left: left, Op: op, Right: right}
	}
}

func (p *fParser) factor() ast.Expr {
	t := p.tok()
	if t.kind == fOp && (t.text == "+" || t.text == "-" || t.text == "~") {
		op := ast.UAdd
		switch t.text {
		case "-":
			op = ast.USub
		case "~":
			op = ast.Invert
		}
		pos := t.pos()
		p.i++
		p.enter()
		defer p.leave()
		return &ast.UnaryOp{ExprBase: ast.ExprBase{Pos: pos}, Op: op, Operand: p.factor()}
	}
	pos := p.pos()
	e := p.trailers(p.atom())
	if !p.isOp("**") {
		return e
	}
	p.i++
	p.enter()
	defer p.leave()
	return &ast.BinOp{ExprBase: ast.ExprBase{Pos: pos}, Left: e, Op: ast.Pow, Right: p.factor()}
}

// testOrStar reads a test, or a starred operand where star allows one.
func (p *fParser) testOrStar(star bool) ast.Expr {
	if !star || !p.isOp("*") {
		return p.test()
	}
	pos := p.next().pos()
	p.enter()
	defer p.leave()
	return &ast.Starred{ExprBase: ast.ExprBase{Pos: pos}, Value: p.binary(0), Ctx: ast.Load}
}
