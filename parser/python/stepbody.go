package python

import (
	"bytes"
	"fmt"

	"github.com/go-python/gpython/ast"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// bodyProblems finds what makes a step end without its transition when it runs, which Metaflow
// learns only then ("self.next() was called with"): a coroutine step, whose body a plain call
// never runs, and a return before the last self.next.
func (f *file) bodyProblems(d *ast.FunctionDef, st *ir.Step) []ir.Problem {
	var out []ir.Problem
	at := f.pos(d)
	// The normaliser writes `def` where `async` was, so the source still says async there.
	if line := f.line(at.Line); at.Col-1 < len(line) && bytes.HasPrefix(line[at.Col-1:], []byte("async")) {
		out = append(out, ir.Problem{Check: diag.Syntax, Pos: at, Message: fmt.Sprintf(
			"step %q is declared async def: steps are called as plain methods, so its body would never run", st.Name),
			Suggestion: "declare it with def"})
	}
	if y := f.yields(d.Body); y.IsValid() {
		out = append(out, ir.Problem{Check: diag.Syntax, Pos: y, Message: fmt.Sprintf(
			"step %q yields, which makes it a generator: steps are called as plain methods, so its body would never run", st.Name),
			Suggestion: "remove the yield; keep what the step makes in attributes of self"})
	}
	if len(st.Transitions) == 0 {
		return out
	}
	last := st.Transitions[len(st.Transitions)-1].Pos
	for _, r := range f.returns(d.Body) {
		if r.Before(last) {
			out = append(out, ir.Problem{Check: diag.InvalidTransition, Pos: r, Message: fmt.Sprintf(
				"return before self.next in step %q ends the step without its transition", st.Name),
				Suggestion: "remove the return: a step always ends with its self.next"})
			break
		}
	}
	return out
}

// yields returns the position of the first yield of a method body (not of a function defined
// in it), or the zero Pos.
func (f *file) yields(body []ast.Stmt) diag.Pos {
	var at diag.Pos
	for _, s := range body {
		ast.Walk(s, func(a ast.Ast) bool {
			switch a.(type) {
			case *ast.FunctionDef, *ast.Lambda, *ast.ClassDef:
				return false
			case *ast.Yield, *ast.YieldFrom:
				if !at.IsValid() {
					at = f.pos(a.(ast.Expr))
				}
			}
			return !at.IsValid()
		})
	}
	return at
}

// returns lists the return statements of a method body, not those of functions defined in it.
func (f *file) returns(body []ast.Stmt) []diag.Pos {
	var out []diag.Pos
	for _, s := range body {
		ast.Walk(s, func(a ast.Ast) bool {
			switch a := a.(type) {
			case *ast.FunctionDef, *ast.Lambda, *ast.ClassDef:
				return false
			case *ast.Return:
				out = append(out, f.pos(a))
			}
			return true
		})
	}
	return out
}
