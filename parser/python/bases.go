package python

import (
	"bytes"
	"strings"

	"github.com/go-python/gpython/ast"
)

// Loader reads a local module for the frontend: the module's dotted name, as imported by a flow
// file, gives its display name and source; ok is false when there is no such module next to the
// flow. It lets flowc follow a flow's base classes into the modules that define them.
type Loader func(module string) (name string, src []byte, ok bool)

// maxBaseDepth bounds how far base classes are followed, across files and cycles alike.
const maxBaseDepth = 32

// classRef is a class definition and the file it is in.
type classRef struct {
	f *file
	c *ast.ClassDef
}

// importedName is where a module-level `from module import name [as alias]` comes from.
type importedName struct {
	module, name string
}

// index records what resolving names in a module needs: its constants, aliases, classes and
// the names it imports from other modules.
func (f *file) index(m *ast.Module) {
	f.mod = m
	f.moduleConsts(m)
	f.importAliases(m)
	f.classes = map[string]*ast.ClassDef{}
	f.imported = map[string]importedName{}
	for _, s := range m.Body {
		switch s := s.(type) {
		case *ast.ClassDef:
			f.classes[string(s.Name)] = s
		case *ast.ImportFrom:
			if s.Level > 1 {
				continue // beyond the flow's directory
			}
			for _, a := range s.Names {
				local := string(a.Name)
				if a.AsName != "" {
					local = string(a.AsName)
				}
				f.imported[local] = importedName{module: string(s.Module), name: string(a.Name)}
			}
		}
	}
}

// resolve finds the class a base expression names: in this file, or in the local module it was
// imported from.
func (f *file) resolve(base ast.Expr) (classRef, bool) {
	n := dottedTail(base)
	if c := f.classes[n]; c != nil {
		return classRef{f, c}, true
	}
	imp, ok := f.imported[n]
	if !ok || imp.module == "metaflow" || imp.module == "flowc" || strings.HasPrefix(imp.module, "metaflow.") {
		return classRef{}, false
	}
	if bf := f.module(imp.module); bf != nil {
		if c := bf.classes[imp.name]; c != nil {
			return classRef{bf, c}, true
		}
	}
	return classRef{}, false
}

// module parses a local module once per ParseFile; nil when there is none or it does not parse
// (Python will say why when the flow runs).
func (f *file) module(name string) *file {
	if f.load == nil {
		return nil
	}
	if bf, done := f.modules[name]; done {
		return bf
	}
	f.modules[name] = nil // a module that imports itself, directly or not, stops here
	display, src, ok := f.load(name)
	if !ok {
		return nil
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	norm, unsupported := Normalize(src)
	if len(unsupported) > 0 {
		return nil
	}
	mod, err := parseModule(display, norm)
	m, isModule := mod.(*ast.Module)
	if err != nil || !isModule {
		return nil
	}
	bf := &file{name: display, src: src, lines: bytes.Split(src, []byte("\n")), load: f.load, modules: f.modules}
	bf.index(m)
	f.modules[name] = bf
	return bf
}
