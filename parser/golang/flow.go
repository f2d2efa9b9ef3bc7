package golang

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/packages"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// flowType is one //flowc:flow type being lowered.
type flowType struct {
	ir    *ir.Flow
	name  string
	spec  *ast.TypeSpec
	st    *ast.StructType
	named *types.Named // nil when the type checker could not make sense of it
	file  *ast.File
}

// flows lowers every //flowc:flow type of pkg, in file and source order.
func (l *loader) flows(pkg *packages.Package) []*ir.Flow {
	l.pkg = pkg
	files := l.files()
	var types_ []*flowType
	used := map[*ast.Comment]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, s := range gd.Specs {
				if ft := l.flowType(f, gd, s.(*ast.TypeSpec), used); ft != nil {
					types_ = append(types_, ft)
				}
			}
		}
	}
	if len(types_) == 0 {
		return nil
	}
	for _, ft := range types_[1:] {
		// flow.Main runs the one flow of its binary: a second flow type could never run.
		l.diags = append(l.diags, diag.Errorf(ft.ir.Pos, diag.NoFlow,
			"package %s declares two //flowc:flow types, %s and %s, and a flow's binary runs one", pkg.Name, types_[0].name, ft.name).
			Suggest("move %s into a package of its own", ft.name))
	}
	imports := l.imports(files)
	byName := map[string]*flowType{}
	var out []*ir.Flow
	for _, ft := range types_ {
		ft.ir.Imports = imports
		byName[ft.name] = ft
		l.params(ft)
		l.stateTypes(ft)
		l.checkMain(ft, files)
		out = append(out, ft.ir)
	}
	for _, f := range files {
		l.steps(f, byName, used)
	}
	for _, f := range files {
		l.strayDirectives(f, used)
	}
	return out
}

// flowType returns the flow that a type declaration defines, or nil. A type is a flow when its
// doc comment says //flowc:flow; it must then be a struct that embeds flow.FlowSpec.
func (l *loader) flowType(f *ast.File, gd *ast.GenDecl, spec *ast.TypeSpec, used map[*ast.Comment]bool) *flowType {
	docs := []*ast.CommentGroup{spec.Doc}
	if len(gd.Specs) == 1 {
		docs = append(docs, gd.Doc)
	}
	dirs := l.directives(docs...)
	marker := findDirective(dirs, "flow")
	st, isStruct := spec.Type.(*ast.StructType)
	embeds := isStruct && l.embedsFlowSpec(st)
	if marker == nil {
		if embeds {
			l.diags = append(l.diags, diag.Warningf(l.pos(spec.Name.Pos()), diag.NoFlow,
				"type %s embeds flow.FlowSpec but has no //flowc:flow comment, so it is not compiled", spec.Name.Name))
		}
		return nil
	}
	markUsed(dirs, used)
	if spec.TypeParams != nil && len(spec.TypeParams.List) > 0 {
		l.diags = append(l.diags, diag.Errorf(l.pos(spec.Name.Pos()), diag.NoFlow,
			"flow type %s has type parameters; flowc compiles one concrete flow type, which its steps are methods of", spec.Name.Name).
			Suggest("remove the type parameters"))
		return nil
	}
	if !embeds {
		l.diags = append(l.diags, diag.Errorf(l.pos(spec.Name.Pos()), diag.NoFlow,
			"type %s is marked //flowc:flow but is not a struct that embeds flow.FlowSpec", spec.Name.Name))
		return nil
	}
	fl := &ir.Flow{Name: spec.Name.Name, Lang: ir.Go, Words: Words, Pos: l.pos(spec.Name.Pos())}
	fl.File = fl.Pos.File
	fl.Decorators = l.decorators(dirs, "flow")
	ft := &flowType{ir: fl, name: spec.Name.Name, spec: spec, st: st, file: f}
	if tn, ok := l.pkg.TypesInfo.Defs[spec.Name].(*types.TypeName); ok {
		ft.named, _ = tn.Type().(*types.Named)
	}
	return ft
}

// embedsFlowSpec reports whether the struct embeds the SDK's FlowSpec, asking the type checker,
// or, when the SDK did not type-check, reading `flow.FlowSpec` through the file's imports.
func (l *loader) embedsFlowSpec(st *ast.StructType) bool {
	for _, fld := range st.Fields.List {
		if len(fld.Names) != 0 {
			continue
		}
		if t := l.pkg.TypesInfo.TypeOf(fld.Type); t != nil && t != types.Typ[types.Invalid] {
			if isSDKType(t, "FlowSpec") {
				return true
			}
			continue
		}
		if sel, ok := fld.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "FlowSpec" && l.isSDKPackage(sel.X) {
			return true
		}
	}
	return false
}

// isSDKType reports whether t (or what it points to) is the SDK's type of that name.
func isSDKType(t types.Type, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Name() == name && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == SDKPath
}

// isSDKPackage reports whether e names the imported SDK package.
func (l *loader) isSDKPackage(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	pn, ok := l.pkg.TypesInfo.Uses[id].(*types.PkgName)
	return ok && pn.Imported().Path() == SDKPath
}
