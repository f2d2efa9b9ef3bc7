package python

// Expressions of the fast parser. Positions follow gpython's grammar actions: a node made by a
// rule is placed at the first token of the text the rule matched (so `(a + b) * c` is at the
// bracket), an attribute at its dot, a subscript at its bracket, a call with arguments at 0:0
// and a call without at its bracket, a unary operator at itself.

import (
	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"
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

// compOp reads a comparison operator, if one is next.
func (p *fParser) compOp() (ast.CmpOp, bool) {
	t := p.tok()
	var op ast.CmpOp
	switch {
	case t.kind == fOp:
		switch t.text {
		case "<":
			op = ast.Lt
		case ">":
			op = ast.Gt
		case "==":
			op = ast.Eq
		case ">=":
			op = ast.GtE
		case "<=":
			op = ast.LtE
		case "!=":
			op = ast.NotEq
		default:
			return 0, false
		}
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

// fBinaryOp returns the operator of a binary operator token and its level, from the loosest
// binding (0, |) to the tightest (5, * / % //); level -1 for other tokens.
func fBinaryOp(t *fTok) (ast.OperatorNumber, int) {
	if t.kind != fOp {
		return 0, -1
	}
	switch t.text {
	case "|":
		return ast.BitOr, 0
	case "^":
		return ast.BitXor, 1
	case "&":
		return ast.BitAnd, 2
	case "<<":
		return ast.LShift, 3
	case ">>":
		return ast.RShift, 3
	case "+":
		return ast.Add, 4
	case "-":
		return ast.Sub, 4
	case "*":
		return ast.Mult, 5
	case "/":
		return ast.Div, 5
	case "%":
		return ast.Modulo, 5
	case "//":
		return ast.FloorDiv, 5
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

// trailers applies calls, subscripts and attributes to e.
func (p *fParser) trailers(e ast.Expr) ast.Expr {
	for {
		t := p.tok()
		if t.kind != fOp {
			return e
		}
		switch t.text {
		case "(":
			p.i++
			if p.isOp(")") {
				p.i++
				e = &ast.Call{ExprBase: ast.ExprBase{Pos: t.pos()}, Func: e}
				continue
			}
			c := p.arglist()
			p.expectOp(")")
			c.Func = e
			e = c
		case "[":
			p.i++
			s := &ast.Subscript{ExprBase: ast.ExprBase{Pos: t.pos()}, Value: e, Slice: p.subscripts(), Ctx: ast.Load}
			p.expectOp("]")
			e = s
		case ".":
			p.i++
			n := p.next()
			if n.kind != fName || fIsKeyword(n.text) {
				p.bail()
			}
			e = &ast.Attribute{ExprBase: ast.ExprBase{Pos: t.pos()}, Value: e, Attr: ast.Identifier(n.text), Ctx: ast.Load}
		default:
			return e
		}
	}
}

// subscripts reads what is between a subscript's brackets: one index or slice, or several,
// which gpython makes an ExtSlice, or an Index of a tuple when none of them is a slice.
func (p *fParser) subscripts() ast.Slicer {
	pos := p.pos()
	first := p.subscript()
	if !p.isOp(",") {
		return first
	}
	ext := &ast.ExtSlice{SliceBase: ast.SliceBase{Pos: pos}, Dims: []ast.Slicer{first}}
	for p.isOp(",") {
		p.i++
		if p.isOp("]") {
			break
		}
		ext.Dims = append(ext.Dims, p.subscript())
	}
	elts := make([]ast.Expr, len(ext.Dims))
	for i, d := range ext.Dims {
		index, ok := d.(*ast.Index)
		if !ok {
			return ext
		}
		elts[i] = index.Value
	}
	return &ast.Index{SliceBase: ext.SliceBase, Value: &ast.Tuple{ExprBase: ast.ExprBase{Pos: pos}, Elts: elts, Ctx: ast.Load}}
}

// subscript reads one index or slice, up to a comma or the closing bracket.
func (p *fParser) subscript() ast.Slicer {
	pos := p.pos()
	var lower ast.Expr
	if !p.isOp(":") {
		lower = p.test()
		if !p.isOp(":") {
			return &ast.Index{SliceBase: ast.SliceBase{Pos: pos}, Value: lower}
		}
	}
	p.i++ // ':'
	s := &ast.Slice{SliceBase: ast.SliceBase{Pos: pos}, Lower: lower}
	if !p.isOp(":") && !p.isOp("]") && !p.isOp(",") {
		s.Upper = p.test()
	}
	if p.isOp(":") {
		p.i++
		if !p.isOp("]") && !p.isOp(",") {
			s.Step = p.test()
		}
	}
	return s
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

// arglist reads call arguments, as gpython's grammar allows them: positional and keyword
// arguments with an optional trailing comma, then optionally *args, keywords, **kwargs.
func (p *fParser) arglist() *ast.Call {
	c := &ast.Call{}
	for !p.isOp("*") && !p.isOp("**") {
		p.argument(c, true)
		if !p.isOp(",") {
			return c
		}
		p.i++
		if p.isOp(")") {
			return c
		}
	}
	if p.isOp("*") {
		p.i++
		c.Starargs = p.test()
		for p.isOp(",") && !(p.peek().kind == fOp && p.peek().text == "**") {
			p.i++
			p.argument(c, false)
		}
		if !p.isOp(",") {
			return c
		}
		p.i++
	}
	p.expectOp("**")
	c.Kwargs = p.test()
	return c
}

// argument reads `test` or `name=test` into c.
func (p *fParser) argument(c *ast.Call, positional bool) {
	t := p.tok()
	if t.kind == fName && !fIsKeyword(t.text) && p.peek().kind == fOp && p.peek().text == "=" {
		p.i += 2
		c.Keywords = append(c.Keywords, &ast.Keyword{Pos: t.pos(), Arg: ast.Identifier(t.text), Value: p.test()})
		return
	}
	if !positional {
		p.bail()
	}
	pos := t.pos()
	v := p.test()
	if p.isOp("=") {
		p.bail()
	}
	if p.isKw("for") {
		v = &ast.GeneratorExp{ExprBase: ast.ExprBase{Pos: pos}, Elt: v, Generators: p.compFor()}
	}
	c.Args = append(c.Args, v)
}

// atom reads a name, a literal, or a bracketed expression.
func (p *fParser) atom() ast.Expr {
	t := p.next()
	base := ast.ExprBase{Pos: t.pos()}
	switch t.kind {
	case fName:
		switch t.text {
		case "None":
			return &ast.NameConstant{ExprBase: base, Value: py.None}
		case "True":
			return &ast.NameConstant{ExprBase: base, Value: py.True}
		case "False":
			return &ast.NameConstant{ExprBase: base, Value: py.False}
		}
		if fIsKeyword(t.text) {
			p.bail()
		}
		return &ast.Name{ExprBase: base, Id: ast.Identifier(t.text), Ctx: ast.Load}
	case fNum:
		v, ok := fNumber(t.text)
		if !ok {
			p.bail()
		}
		return &ast.Num{ExprBase: base, N: v}
	case fStr:
		p.i--
		return p.strings()
	case fOp:
		p.enter()
		defer p.leave()
		switch t.text {
		case "(":
			if p.isOp(")") {
				p.i++
				return &ast.Tuple{ExprBase: base, Ctx: ast.Load}
			}
			if p.isKw("yield") {
				y := p.yieldExpr()
				p.expectOp(")")
				return y
			}
			elts, comma, gens := p.display(")", nil, true)
			p.expectOp(")")
			if gens != nil {
				return &ast.GeneratorExp{ExprBase: base, Elt: elts[0], Generators: gens}
			}
			return fTupleOrExpr(t.pos(), elts, comma)
		case "[":
			l := &ast.List{ExprBase: base, Ctx: ast.Load}
			if !p.isOp("]") {
				elts, _, gens := p.display("]", nil, true)
				if gens != nil {
					p.expectOp("]")
					return &ast.ListComp{ExprBase: base, Elt: elts[0], Generators: gens}
				}
				l.Elts = elts
			}
			p.expectOp("]")
			return l
		case "{":
			return p.braces(base)
		case "...":
			return &ast.Ellipsis{ExprBase: base}
		}
	}
	p.bail()
	return nil
}

// braces reads a dict or set display after its '{'.
func (p *fParser) braces(base ast.ExprBase) ast.Expr {
	if p.isOp("}") {
		p.i++
		return &ast.Dict{ExprBase: base}
	}
	pos := p.pos()
	if p.tok().kind == fOp && (p.tok().text == "*" || p.tok().text == "**") {
		p.bail()
	}
	first := p.test()
	if !p.isOp(":") {
		elts, _, gens := p.display("}", first, false)
		p.expectOp("}")
		if gens != nil {
			return &ast.SetComp{ExprBase: ast.ExprBase{Pos: pos}, Elt: first, Generators: gens}
		}
		return &ast.Set{ExprBase: ast.ExprBase{Pos: pos}, Elts: elts}
	}
	d := &ast.Dict{ExprBase: ast.ExprBase{Pos: pos}}
	key := first
	for {
		p.expectOp(":")
		value := p.test()
		if p.isKw("for") {
			if len(d.Keys) > 0 {
				p.bail()
			}
			gens := p.compFor()
			p.expectOp("}")
			return &ast.DictComp{ExprBase: ast.ExprBase{Pos: pos}, Key: key, Value: value, Generators: gens}
		}
		d.Keys = append(d.Keys, key)
		d.Values = append(d.Values, value)
		if !p.isOp(",") {
			break
		}
		p.i++
		if p.isOp("}") {
			break
		}
		key = p.test()
	}
	p.expectOp("}")
	return d
}

// fTupleOrExpr is a tuple of elts, or the one element when there is no comma.
func fTupleOrExpr(pos ast.Pos, elts []ast.Expr, comma bool) ast.Expr {
	if comma || len(elts) > 1 {
		return &ast.Tuple{ExprBase: ast.ExprBase{Pos: pos}, Elts: elts, Ctx: ast.Load}
	}
	return elts[0]
}

// strings reads adjacent string literals as one Str or Bytes, as gpython joins them.
func (p *fParser) strings() ast.Expr {
	base := ast.ExprBase{Pos: p.pos()}
	var text []byte
	bytesLit := false
	for n := 0; p.tok().kind == fStr; n++ {
		t := p.next()
		body, isBytes, ok := fStringValue(t.text)
		if !ok || n > 0 && isBytes != bytesLit {
			p.bail()
		}
		bytesLit = isBytes
		text = append(text, body...)
	}
	if bytesLit {
		return &ast.Bytes{ExprBase: base, S: py.Bytes(text)}
	}
	return &ast.Str{ExprBase: base, S: py.String(text)}
}

// fIsKeyword reports whether gpython's lexer reads s as a keyword.
func fIsKeyword(s string) bool {
	switch s {
	case "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
		"elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
		"lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield":
		return true
	}
	return false
}
