package golang

import (
	"bytes"
	"go/ast"
	"go/constant"
	"go/printer"
	"go/types"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/flow"
	"github.com/flowc-dev/flowc/internal/diag"
)

// bodyWalker finds every f.Next call in a step body and records the construct around it, so
// that the checks can tell the one plain transition from conditional ones.
type bodyWalker struct {
	l    *loader
	ft   *flowType
	step *ir.Step
	recv *types.Var // the receiver; nil when it has no name (then no call can be on it)
}

// walkBody visits the top-level statements of a step body.
func (w *bodyWalker) walkBody(stmts []ast.Stmt) {
	for i, s := range stmts {
		if es, ok := s.(*ast.ExprStmt); ok {
			if call, ok := es.X.(*ast.CallExpr); ok && w.isNext(call) {
				w.add(call, "", diag.Pos{})
				// Only what follows the last top-level transition is trailing code; an earlier
				// transition is the checks' "more than once".
				w.step.TrailingPos = diag.Pos{}
				if rest := stmts[i+1:]; !plainTail(rest) {
					w.step.TrailingPos = w.l.pos(rest[0].Pos())
				}
				continue
			}
		}
		if c := construct(s); c != "" {
			w.inspect(s, c, w.l.pos(s.Pos()))
		} else {
			w.inspect(s, "expression", diag.Pos{})
		}
	}
}

// plainTail reports whether the statements after a top-level Next are at most one return of
// plain values (return nil, return err, return 0, nil): Go's way to end a step, not code after the transition.
func plainTail(rest []ast.Stmt) bool {
	if len(rest) == 0 {
		return true
	}
	ret, ok := rest[0].(*ast.ReturnStmt)
	if !ok || len(rest) > 1 {
		return false
	}
	for _, r := range ret.Results {
		switch r.(type) {
		case *ast.Ident, *ast.BasicLit:
		default:
			return false
		}
	}
	return true
}

// construct names the control construct a node opens, "" for any other node.
func construct(n ast.Node) string {
	switch n.(type) {
	case *ast.IfStmt:
		return "if"
	case *ast.ForStmt, *ast.RangeStmt:
		return "for"
	case *ast.SwitchStmt, *ast.TypeSwitchStmt:
		return "switch"
	case *ast.SelectStmt:
		return "select"
	case *ast.DeferStmt:
		return "defer"
	case *ast.GoStmt:
		return "go"
	case *ast.FuncLit:
		return "closure"
	}
	return ""
}

// inspect records the Next calls under root with the innermost construct around each.
func (w *bodyWalker) inspect(root ast.Node, ctx string, ctxPos diag.Pos) {
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if c := construct(n); c != "" && n != root {
			w.inspect(n, c, w.l.pos(n.Pos()))
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok && w.isNext(call) {
			w.add(call, ctx, ctxPos)
		}
		return true
	})
}

// isNext reports whether call is Next called on the receiver (f.Next or f.FlowSpec.Next).
func (w *bodyWalker) isNext(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Next" {
		return false
	}
	if fn, ok := w.l.pkg.TypesInfo.Uses[sel.Sel].(*types.Func); ok {
		if fn.Pkg() == nil || fn.Pkg().Path() != SDKPath {
			return false
		}
	}
	x := sel.X
	if inner, ok := x.(*ast.SelectorExpr); ok && inner.Sel.Name == "FlowSpec" {
		x = inner.X
	}
	return w.isRecv(x)
}

// isRecv reports whether e is the step's receiver.
func (w *bodyWalker) isRecv(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && w.recv != nil && w.l.pkg.TypesInfo.Uses[id] == w.recv
}

// add records one transition.
func (w *bodyWalker) add(call *ast.CallExpr, ctx string, ctxPos diag.Pos) {
	t := &ir.Transition{Pos: w.l.pos(call.Pos()), Context: ctx, ContextPos: ctxPos}
	for i, a := range call.Args {
		if call.Ellipsis.IsValid() && i == len(call.Args)-1 {
			t.Targets = append(t.Targets, ir.Target{Pos: w.l.pos(a.Pos()), Expr: w.source(a) + "..."})
			continue
		}
		if fe, ok := w.sdkCall(a, "Foreach"); ok {
			w.foreach(t, fe)
			continue
		}
		t.Targets = append(t.Targets, w.target(a))
	}
	w.step.Transitions = append(w.step.Transitions, t)
}

// target lowers one argument of Next: a method value of the receiver, or an expression.
func (w *bodyWalker) target(a ast.Expr) ir.Target {
	if sel, ok := ast.Unparen(a).(*ast.SelectorExpr); ok && w.isRecv(sel.X) {
		s := w.l.pkg.TypesInfo.Selections[sel]
		if s != nil && s.Kind() == types.MethodVal && !isSDKMethod(s.Obj()) {
			return ir.Target{Name: flow.StepName(sel.Sel.Name), Pos: w.l.pos(sel.Sel.Pos())}
		}
	}
	return ir.Target{Pos: w.l.pos(a.Pos()), Expr: w.source(a)}
}

func isSDKMethod(o types.Object) bool { return o.Pkg() != nil && o.Pkg().Path() == SDKPath }

// sdkCall returns e as a call of the SDK's function name (flow.Foreach).
func (w *bodyWalker) sdkCall(e ast.Expr, name string) (*ast.CallExpr, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil, false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return nil, false
	}
	if fn, ok := w.l.pkg.TypesInfo.Uses[sel.Sel].(*types.Func); ok {
		return call, isSDKMethod(fn)
	}
	return call, w.l.isSDKPackage(sel.X)
}

// foreach lowers flow.Foreach("Field"): a string constant naming an exported slice field.
func (w *bodyWalker) foreach(t *ir.Transition, call *ast.CallExpr) {
	pos := w.l.pos(call.Pos())
	if t.ForeachPos.IsValid() {
		t.Problems = append(t.Problems, ir.Problem{Check: diag.InvalidTransition, Pos: pos,
			Message: "f.Next takes at most one flow.Foreach"})
		return
	}
	t.ForeachPos = pos
	var field string
	if len(call.Args) == 1 {
		if tv, ok := w.l.pkg.TypesInfo.Types[call.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			field = constant.StringVal(tv.Value)
		}
	}
	if field == "" {
		t.Problems = append(t.Problems, ir.Problem{Check: diag.InvalidTransition, Pos: pos,
			Message: "flow.Foreach needs a string constant naming the slice field to fan out over, such as flow.Foreach(\"Items\")"})
		return
	}
	t.Foreach = field
	if msg := w.checkForeachField(field); msg != "" {
		t.Problems = append(t.Problems, ir.Problem{Check: diag.InvalidTransition, Pos: pos, Message: msg})
	}
}

// checkForeachField says what is wrong with fanning out over field, "" when nothing is.
func (w *bodyWalker) checkForeachField(field string) string {
	if w.ft.named == nil {
		return ""
	}
	st, ok := w.ft.named.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	// A field promoted from an embedded struct is a field of the flow for the SDK as for Go.
	if obj, _, _ := types.LookupFieldOrMethod(w.ft.named, true, w.l.pkg.Types, field); obj != nil {
		if fv, ok := obj.(*types.Var); ok && fv.IsField() {
			return foreachFieldType(field, fv)
		}
	}
	for i := 0; i < st.NumFields(); i++ {
		fv := st.Field(i)
		if fv.Name() != field {
			if strings.EqualFold(fv.Name(), field) && fv.Exported() {
				return "flow.Foreach(" + quote(field) + "): " + w.ft.name + " has no field " + quote(field) + " (did you mean " + quote(fv.Name()) + "?)"
			}
			continue
		}
		return foreachFieldType(field, fv)
	}
	return "flow.Foreach(" + quote(field) + "): " + w.ft.name + " has no field " + quote(field)
}

// foreachFieldType says what keeps a field from being fanned out over, "" when nothing does.
func foreachFieldType(field string, fv *types.Var) string {
	switch fv.Type().Underlying().(type) {
	case *types.Slice, *types.Array:
		if fv.Exported() {
			return ""
		}
		return "flow.Foreach(" + quote(field) + "): field " + field + " is not exported, so it does not travel to the foreach step's children"
	}
	return "flow.Foreach(" + quote(field) + "): field " + field + " has type " + fv.Type().String() + ", not a slice type"
}

// source renders an expression as written, for messages.
func (w *bodyWalker) source(e ast.Expr) string {
	var b bytes.Buffer
	if err := printer.Fprint(&b, w.l.fset, e); err != nil {
		return "..."
	}
	return b.String()
}
