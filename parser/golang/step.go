package golang

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/flow"
	"github.com/flowc-dev/flowc/internal/diag"
)

// steps lowers the //flowc:step methods of the flow types declared in the package.
func (l *loader) steps(f *ast.File, flows map[string]*flowType, used map[*ast.Comment]bool) {
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		dirs := l.directives(fd.Doc)
		marker := findDirective(dirs, "step")
		if marker == nil {
			continue // a helper; its directives, if any, are reported as stray
		}
		var ft *flowType
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			ft = flows[recvTypeName(fd.Recv.List[0].Type)]
		}
		if ft == nil {
			markUsed(dirs, used)
			l.diags = append(l.diags, diag.Warningf(l.pos(marker.comment.Slash), diag.Decorator,
				"//flowc:step on %s, which is not a method of a //flowc:flow type, is ignored", fd.Name.Name))
			continue
		}
		markUsed(dirs, used)
		st := &ir.Step{Name: flow.StepName(fd.Name.Name), Pos: l.pos(fd.Name.Pos()), DecoPos: l.pos(marker.comment.Slash)}
		st.Decorators = l.decorators(dirs, "step")
		if !fd.Name.IsExported() {
			// The SDK finds steps by reflection, which sees exported methods only.
			l.diags = append(l.diags, diag.Errorf(st.Pos, diag.StepName,
				"step method %s is not exported, so the flow's binary cannot call it", fd.Name.Name).
				Suggest("name it %s", strings.ToUpper(fd.Name.Name[:1])+fd.Name.Name[1:]))
		}
		l.checkCatch(ft, st)
		st.NumArgs = 1 + fieldCount(fd.Type.Params)
		l.checkSignature(ft, fd, st)
		w := &bodyWalker{l: l, ft: ft, step: st, recv: l.recvVar(fd)}
		if fd.Body != nil {
			w.walkBody(fd.Body.List)
			l.earlyReturn(st, fd.Body)
		}
		ft.ir.Steps = append(ft.ir.Steps, st)
	}
}

// recvTypeName is T for a receiver *T or T.
func recvTypeName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// recvVar is the receiver's variable, nil when it is unnamed or untyped.
func (l *loader) recvVar(fd *ast.FuncDecl) *types.Var {
	names := fd.Recv.List[0].Names
	if len(names) != 1 {
		return nil
	}
	v, _ := l.pkg.TypesInfo.Defs[names[0]].(*types.Var)
	return v
}

// fieldCount counts the parameters of a list; `a, b int` is two.
func fieldCount(fl *ast.FieldList) int {
	if fl == nil {
		return 0
	}
	n := 0
	for _, f := range fl.List {
		n += max(len(f.Names), 1)
	}
	return n
}

// checkSignature reports what makes a step method unfit to run, beyond its number of arguments
// (the num-args check's; the rest is step-signature's): a value receiver, results other than one error, a join parameter that
// is not flow.Inputs of the flow. (A step named like a FlowSpec method, Next, Index, Input or
// ForeachStack, is reserved-word's: their snake_case names are Metaflow's reserved words.)
func (l *loader) checkSignature(ft *flowType, fd *ast.FuncDecl, st *ir.Step) {
	if _, ptr := fd.Recv.List[0].Type.(*ast.StarExpr); !ptr {
		l.diags = append(l.diags, diag.Errorf(st.Pos, diag.StepSignature,
			"step %q has a value receiver: what it sets does not reach the next step", st.Name).
			Suggest("give it a pointer receiver (f *%s)", ft.name))
	}
	if !l.returnsError(fd) {
		l.diags = append(l.diags, diag.Errorf(st.Pos, diag.StepSignature,
			"step %q must return error, or nothing", st.Name))
	}
	if st.NumArgs == 2 && !l.isInputsOf(fd.Type.Params.List[0].Type, ft) {
		l.diags = append(l.diags, diag.Errorf(st.Pos, diag.StepSignature,
			"the parameter of join step %q must be flow.Inputs[*%s]", st.Name, ft.name))
	}
}

func (l *loader) returnsError(fd *ast.FuncDecl) bool {
	res := fd.Type.Results
	if res == nil || len(res.List) == 0 {
		return true
	}
	if fieldCount(res) != 1 {
		return false
	}
	t := l.pkg.TypesInfo.TypeOf(res.List[0].Type)
	if t == nil || t == types.Typ[types.Invalid] {
		id, ok := res.List[0].Type.(*ast.Ident)
		return ok && id.Name == "error"
	}
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// isInputsOf reports whether e is flow.Inputs[*T] for the flow type T. Without type
// information it trusts the syntax.
func (l *loader) isInputsOf(e ast.Expr, ft *flowType) bool {
	t := l.pkg.TypesInfo.TypeOf(e)
	if t == nil || t == types.Typ[types.Invalid] || ft.named == nil {
		return true
	}
	n, ok := t.(*types.Named)
	if !ok || !isSDKType(n, "Inputs") || n.TypeArgs().Len() != 1 {
		return false
	}
	p, ok := n.TypeArgs().At(0).(*types.Pointer)
	return ok && types.Identical(p.Elem(), ft.named)
}

// checkCatch reports a //flowc:catch var= that names no exported flow.Caught field of the flow:
// the SDK stores the failure there.
func (l *loader) checkCatch(ft *flowType, st *ir.Step) {
	d := st.Decorator("catch")
	if d == nil || ft.named == nil {
		return
	}
	a := d.Arg("var")
	if a == nil || a.Value.Kind != ir.ValString {
		return // the decorator check reports a bad value
	}
	obj, _, _ := types.LookupFieldOrMethod(ft.named, true, l.pkg.Types, a.Value.Str)
	if v, ok := obj.(*types.Var); ok && v.IsField() && v.Exported() && isSDKType(v.Type(), "Caught") {
		return
	}
	l.diags = append(l.diags, diag.Errorf(a.Pos, diag.Decorator,
		"//flowc:catch var=%s must name an exported field of %s of type flow.Caught or *flow.Caught", a.Value.Str, ft.name))
}
