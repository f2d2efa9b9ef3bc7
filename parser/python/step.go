package python

import (
	"github.com/go-python/gpython/ast"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// isStep reports whether a method is decorated with @step (in any of its spellings).
func (f *file) isStep(d *ast.FunctionDef) bool {
	for _, e := range d.DecoratorList {
		if c, ok := e.(*ast.Call); ok {
			e = c.Func
		}
		if f.tail(e) == "step" {
			return true
		}
	}
	return false
}

// step lowers a method decorated with @step; other methods are helpers and give nil.
func (f *file) step(d *ast.FunctionDef) *ir.Step {
	var st *ir.Step
	var decos []*ir.Decorator
	for _, e := range d.DecoratorList {
		if f.userDecorator(e) != nil {
			continue // refused by stepProblems, not also an unknown decorator
		}
		deco := f.decorator(e)
		if st != nil && deco.Name != "step" {
			continue // below @step: refused by stepProblems, not also an unknown decorator
		}
		if deco.Name == "step" {
			st = &ir.Step{DecoPos: deco.Pos}
			if len(deco.Args) == 0 {
				continue
			}
			// @step(start=True): kept for the decorator check to explain.
		}
		decos = append(decos, deco)
	}
	if st == nil {
		return nil
	}
	st.Name = string(d.Name)
	st.Pos = f.defNamePos(d)
	st.Decorators = decos
	st.NumArgs = numArgs(d.Args)
	self := "self"
	if d.Args != nil && len(d.Args.Args) > 0 {
		self = string(d.Args.Args[0].Arg)
	}
	w := &bodyWalker{f: f, self: self, step: st}
	w.walkBody(d.Body, "", diag.Pos{})
	return st
}

// numArgs counts a method's parameters, self included; *args and **kwargs count as one each,
// so that Metaflow's signature rule (self, or self and inputs) sees them as extra. A method
// without a positional parameter has no self (Metaflow: "missing the 'self' argument").
func numArgs(a *ast.Arguments) int {
	if a == nil || len(a.Args) == 0 {
		return 0
	}
	n := len(a.Args) + len(a.Kwonlyargs)
	if a.Vararg != nil {
		n++
	}
	if a.Kwarg != nil {
		n++
	}
	return n
}

// decorator lowers `@name`, `@mod.name` or `@name(args...)`.
func (f *file) decorator(e ast.Expr) *ir.Decorator {
	// gpython places a decorator's name at its '@', which is where the diagnostic should point.
	d := &ir.Decorator{Pos: f.exprPos(e)}
	call, isCall := e.(*ast.Call)
	if isCall {
		e = call.Func
	}
	d.Name = f.tail(e)
	if d.Name == "" {
		d.Name = exprString(e)
	}
	if !isCall {
		return d
	}
	for _, a := range call.Args {
		d.Args = append(d.Args, ir.Arg{Value: f.value(a), Pos: f.exprPos(a)})
	}
	for _, k := range call.Keywords {
		d.Args = append(d.Args, ir.Arg{Name: string(k.Arg), Value: f.value(k.Value), Pos: f.pos(k)})
	}
	// *args and **kwargs are computed when the flow runs; the checks report them as such.
	for _, x := range []struct {
		e      ast.Expr
		prefix string
	}{{call.Starargs, "*"}, {call.Kwargs, "**"}} {
		if x.e != nil {
			d.Args = append(d.Args, ir.Arg{Name: x.prefix + exprString(x.e), Value: ir.Value{Kind: ir.ValExpr, Str: x.prefix + exprString(x.e)}, Pos: f.exprPos(x.e)})
		}
	}
	return d
}
