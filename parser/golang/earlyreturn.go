package golang

import (
	"go/ast"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// earlyReturn reports a return that succeeds before the step's last top-level f.Next: `return`
// or `return nil`, which end the step without its transition, so the run fails when it gets
// there (a return of an error fails the step, which is the step's to decide).
func (l *loader) earlyReturn(st *ir.Step, body *ast.BlockStmt) {
	var last diag.Pos
	for _, t := range st.Transitions {
		if t.Context == "" {
			last = t.Pos
		}
	}
	if !last.IsValid() {
		return
	}
	var found *ast.ReturnStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if found == nil && l.pos(n.Pos()).Before(last) && succeeds(n) {
				found = n
			}
		}
		return found == nil
	})
	if found != nil {
		l.diags = append(l.diags, diag.Errorf(l.pos(found.Pos()), diag.InvalidTransition,
			"return before f.Next in step %q ends the step without its transition", st.Name).
			Suggest("return an error to fail the step, or let it reach its f.Next"))
	}
}

// succeeds reports whether a return statement returns no error: bare, or `return nil`.
func succeeds(r *ast.ReturnStmt) bool {
	if len(r.Results) == 0 {
		return true
	}
	id, ok := r.Results[len(r.Results)-1].(*ast.Ident)
	return ok && id.Name == "nil" && len(r.Results) == 1
}
