package golang

import (
	"go/ast"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/flowc-dev/flowc/internal/diag"
)

// stateTypes reports the exported fields of a flow type that encoding/json cannot save or read:
// state travels between steps as JSON of them, and a JSON parameter is read with it, so a
// channel, a function or a complex number in one would compile and then fail at the end of
// the first step that sets it, or when the step starts.
func (l *loader) stateTypes(ft *flowType) {
	for _, fld := range ft.st.Fields.List {
		tag := ""
		if fld.Tag != nil {
			if s, err := strconv.Unquote(fld.Tag.Value); err == nil {
				tag = reflect.StructTag(s).Get("flow")
			}
		}
		if tag == "-" {
			continue
		}
		t := l.pkg.TypesInfo.TypeOf(fld.Type)
		if t == nil || isSDKType(t, "FlowSpec") {
			continue
		}
		why := unsaved(t, map[types.Type]bool{})
		if why == "" {
			continue
		}
		for _, at := range fieldNames(fld) {
			if !ast.IsExported(at.Name) {
				continue
			}
			typ := types.TypeString(t, types.RelativeTo(l.pkg.Types))
			if strings.HasPrefix(tag, "param") {
				l.diags = append(l.diags, diag.Errorf(l.pos(at.Pos()), diag.Parameter,
					"parameter field %s has type %s, which holds %s: no command-line value can set it", at.Name, typ, why))
				continue
			}
			l.diags = append(l.diags, diag.Errorf(l.pos(at.Pos()), diag.TypeCheck,
				"state field %s has type %s, which holds %s: encoding/json cannot save it between steps", at.Name, typ, why).
				Suggest("keep it unexported, or tag it `flow:\"-\"`, if it need not travel to the next step"))
		}
	}
}

// fieldNames are the names a field declares, or its type's name when it is embedded.
func fieldNames(fld *ast.Field) []*ast.Ident {
	if len(fld.Names) > 0 {
		return fld.Names
	}
	e := fld.Type
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	switch e := e.(type) {
	case *ast.Ident:
		return []*ast.Ident{e}
	case *ast.SelectorExpr:
		return []*ast.Ident{e.Sel}
	}
	return nil
}

// unsaved says what in t encoding/json refuses ("a channel"), or "" when it can save it: it
// follows what json follows (pointers, slices, arrays, map values, exported struct fields),
// and trusts a type with its own MarshalJSON or MarshalText.
func unsaved(t types.Type, seen map[types.Type]bool) string {
	if seen[t] {
		return ""
	}
	seen[t] = true
	if hasMethod(t, "MarshalJSON") || hasMethod(t, "MarshalText") {
		return ""
	}
	switch u := t.Underlying().(type) {
	case *types.Chan:
		return "a channel"
	case *types.Signature:
		return "a function"
	case *types.Basic:
		switch {
		case u.Info()&types.IsComplex != 0:
			return "a complex number"
		case u.Kind() == types.UnsafePointer:
			return "an unsafe.Pointer"
		}
	case *types.Pointer:
		return unsaved(u.Elem(), seen)
	case *types.Slice:
		return unsaved(u.Elem(), seen)
	case *types.Array:
		return unsaved(u.Elem(), seen)
	case *types.Map:
		return unsaved(u.Elem(), seen)
	case *types.Struct:
		for i := range u.NumFields() {
			if f := u.Field(i); f.Exported() || f.Embedded() {
				if why := unsaved(f.Type(), seen); why != "" {
					return why
				}
			}
		}
	}
	return ""
}

// hasMethod reports whether t or *t has the named method.
func hasMethod(t types.Type, name string) bool {
	for _, tt := range []types.Type{t, types.NewPointer(t)} {
		if obj, _, _ := types.LookupFieldOrMethod(tt, true, nil, name); obj != nil {
			if _, ok := obj.(*types.Func); ok {
				return true
			}
		}
	}
	return false
}
