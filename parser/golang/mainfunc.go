package golang

import (
	"go/ast"
	"go/types"

	"github.com/flowc-dev/flowc/internal/diag"
)

// checkMain reports a flow package that cannot become the flow's binary, which the image
// builds with go build and each step runs: a package other than main, or one without func
// main (go build fails either way, but only in the image build); and warns when main does not
// call flow.Main, without which the binary never runs a step.
func (l *loader) checkMain(ft *flowType, files []*ast.File) {
	if l.pkg.Name != "main" {
		l.diags = append(l.diags, diag.Errorf(ft.ir.Pos, diag.Load,
			"flow %s is in package %s: a flow's package must be main, which its image builds into the binary each step runs", ft.name, l.pkg.Name).
			Suggest("declare package main, with func main() { flow.Main(new(%s)) }", ft.name))
		return
	}
	main := findMain(files)
	if main == nil {
		l.diags = append(l.diags, diag.Errorf(ft.ir.Pos, diag.Load,
			"package main of flow %s has no func main, so its image cannot build the binary each step runs", ft.name).
			Suggest("add func main() { flow.Main(new(%s)) }", ft.name))
		return
	}
	if !l.callsMain(main) {
		l.diags = append(l.diags, diag.Warningf(l.pos(main.Name.Pos()), diag.Load,
			"func main does not call flow.Main, which runs the steps the flow's pods ask for").
			Suggest("call flow.Main(new(%s)) in func main", ft.name))
	}
}

// findMain returns the package's func main, or nil.
func findMain(files []*ast.File) *ast.FuncDecl {
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
				return fd
			}
		}
	}
	return nil
}

// callsMain reports whether fd's body calls the SDK's Main.
func (l *loader) callsMain(fd *ast.FuncDecl) bool {
	found := false
	ast.Inspect(fd, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || found {
			return !found
		}
		if fn, ok := l.pkg.TypesInfo.Uses[sel.Sel].(*types.Func); ok && fn.Name() == "Main" && fn.Pkg() != nil && fn.Pkg().Path() == SDKPath {
			found = true
		}
		return true
	})
	return found
}
