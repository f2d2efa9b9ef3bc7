package python

// Operands of the fast parser: atoms (names, numbers, strings, displays) and their trailers
// (calls, subscripts, attributes).

import (
	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"
)

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
