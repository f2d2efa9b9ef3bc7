package python

import (
	"github.com/go-python/gpython/ast"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// bodyWalker finds every self.next call in a step body and records the control construct around
// it, so that the checks can tell a plain transition from a conditional one.
type bodyWalker struct {
	f    *file
	self string // the name of the method's first parameter
	step *ir.Step
}

// walkBody visits statements; ctx is the innermost enclosing construct ("" at the top level).
func (w *bodyWalker) walkBody(stmts []ast.Stmt, ctx string, ctxPos diag.Pos) {
	for i, s := range stmts {
		if es, ok := s.(*ast.ExprStmt); ok {
			if call := w.nextCall(es.Value); call != nil {
				w.add(call, ctx, ctxPos)
				if ctx == "" {
					// Only what follows the last top-level transition is trailing code; an
					// earlier transition is the checks' "more than once".
					w.step.TrailingPos = diag.Pos{}
					if i+1 < len(stmts) {
						w.step.TrailingPos = w.f.pos(stmts[i+1])
					}
				}
				continue
			}
		}
		w.walkStmt(s, ctx, ctxPos)
	}
}

// walkStmt visits the expressions and nested bodies of one statement.
func (w *bodyWalker) walkStmt(s ast.Stmt, ctx string, ctxPos diag.Pos) {
	at := w.f.pos(s)
	exprCtx := ctx
	if exprCtx == "" {
		exprCtx = "expression"
	}
	switch s := s.(type) {
	case *ast.If:
		// The normaliser turns match/case into if statements; name them as the user wrote them.
		kind := "if"
		if c := w.f.constructs().constructAt(at.Line, at.Col); c == "match statement" || c == "case clause" {
			kind = "match"
		}
		w.walkExpr(s.Test, exprCtx, ctxPos)
		w.walkBody(s.Body, kind, at)
		w.walkBody(s.Orelse, kind, at)
	case *ast.For:
		w.walkExpr(s.Iter, exprCtx, ctxPos)
		w.walkBody(s.Body, "for", at)
		w.walkBody(s.Orelse, "for", at)
	case *ast.While:
		w.walkExpr(s.Test, exprCtx, ctxPos)
		w.walkBody(s.Body, "while", at)
		w.walkBody(s.Orelse, "while", at)
	case *ast.Try:
		w.walkBody(s.Body, "try", at)
		for _, h := range s.Handlers {
			w.walkBody(h.Body, "try", at)
		}
		w.walkBody(s.Orelse, "try", at)
		w.walkBody(s.Finalbody, "try", at)
	case *ast.With:
		for _, it := range s.Items {
			w.walkExpr(it.ContextExpr, exprCtx, ctxPos)
		}
		w.walkBody(s.Body, "with", at)
	case *ast.FunctionDef, *ast.ClassDef:
		w.walkExpr(s, "closure", at)
	default:
		w.walkExpr(s, exprCtx, ctxPos)
	}
}

// walkExpr records every self.next call under n with the given context; a lambda makes it a closure.
func (w *bodyWalker) walkExpr(n ast.Ast, ctx string, ctxPos diag.Pos) {
	if n == nil {
		return
	}
	ast.Walk(n, func(a ast.Ast) bool {
		switch a := a.(type) {
		case *ast.Lambda:
			if ctx != "closure" {
				w.walkExpr(a.Body, "closure", w.f.pos(a))
				return false
			}
		case *ast.FunctionDef:
			if ctx != "closure" {
				w.walkExpr(a, "closure", w.f.pos(a))
				return false
			}
		case *ast.Call:
			if w.nextCall(a) != nil {
				w.add(a, ctx, ctxPos)
			}
		}
		return true
	})
}

// nextCall returns e when it is a call of self.next, else nil.
func (w *bodyWalker) nextCall(e ast.Expr) *ast.Call {
	call, ok := e.(*ast.Call)
	if !ok {
		return nil
	}
	attr, ok := call.Func.(*ast.Attribute)
	if !ok || attr.Attr != "next" {
		return nil
	}
	if n, ok := attr.Value.(*ast.Name); ok && string(n.Id) == w.self {
		return call
	}
	return nil
}

// add records one transition.
func (w *bodyWalker) add(call *ast.Call, ctx string, ctxPos diag.Pos) {
	f := w.f
	t := &ir.Transition{Pos: f.exprPos(call), Context: ctx, ContextPos: ctxPos}
	args := call.Args
	if len(args) > 0 {
		if d, ok := args[0].(*ast.Dict); ok {
			t.Condition = "<dict>"
			args = append(append([]ast.Expr(nil), d.Values...), args[1:]...)
		}
	}
	for _, a := range args {
		t.Targets = append(t.Targets, w.target(a))
	}
	if call.Starargs != nil {
		t.Targets = append(t.Targets, ir.Target{Pos: f.exprPos(call.Starargs), Expr: "*" + exprString(call.Starargs)})
	}
	if call.Kwargs != nil {
		t.Problems = append(t.Problems, ir.Problem{Check: diag.InvalidTransition, Pos: f.exprPos(call.Kwargs),
			Message: "self.next does not take **kwargs; write its arguments out"})
	}
	for _, k := range call.Keywords {
		w.keyword(t, k)
	}
	w.step.Transitions = append(w.step.Transitions, t)
}

// target lowers one argument of self.next: a step reference self.<name>, or an expression.
func (w *bodyWalker) target(a ast.Expr) ir.Target {
	if attr, ok := a.(*ast.Attribute); ok {
		if n, ok := attr.Value.(*ast.Name); ok && string(n.Id) == w.self {
			return ir.Target{Name: string(attr.Attr), Pos: w.f.exprPos(a)}
		}
	}
	return ir.Target{Pos: w.f.exprPos(a), Expr: exprString(a)}
}

// keyword lowers foreach=, condition= and num_parallel=; anything else is not a transition argument.
func (w *bodyWalker) keyword(t *ir.Transition, k *ast.Keyword) {
	pos := w.f.pos(k)
	switch string(k.Arg) {
	case "foreach":
		t.ForeachPos = pos
		if s, ok := k.Value.(*ast.Str); ok && s.S != "" && !w.f.isFString(s) {
			t.Foreach = string(s.S)
			return
		}
		t.Problems = append(t.Problems, ir.Problem{Check: diag.InvalidTransition, Pos: pos,
			Message: "foreach= must be a string literal naming the list attribute to fan out over"})
	case "condition":
		t.Condition = "<dict>"
		if s, ok := k.Value.(*ast.Str); ok && !w.f.isFString(s) {
			t.Condition = string(s.S)
		}
	case "num_parallel":
		t.NumParallel, t.NumParallelPos = true, pos
	default:
		t.Problems = append(t.Problems, ir.Problem{Check: diag.InvalidTransition, Pos: pos,
			Message: "self.next does not take the argument " + quote(string(k.Arg))})
	}
}
