package build

import (
	"path"
	"sort"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// provided are the modules flowc's runtime puts in every image.
var provided = map[string]bool{"metaflow": true, "flowc": true, "flowc_runtime": true, "__future__": true}

// modules follows a flow's imports to the local modules they name, as Python would find them
// beside the flow file, and from those to theirs. Only the files that are imported are taken:
// a package's __init__.py files on the way, and the module itself, never the rest of the
// package's directory (which may hold anything, credentials included).
type modules struct {
	src      *source
	shownDir string          // the flow's directory as diagnostics show it
	files    map[string]bool // context paths of the modules found
	third    map[string]bool // top-level modules that are neither local, standard nor provided
	failed   map[string]bool // paths already reported
	diags    diag.List
}

// pendingImport is an import statement and the local module it is in ("" for the flow file).
type pendingImport struct {
	imp  ir.Import
	from string
}

// localModules returns the context paths of the local modules the flow needs (sorted), and
// the third-party top-level modules it imports (sorted). importsOf reads a local module's imports
// (the frontend's ir.Flow.ModuleImports); when it is nil, only the flow file's imports are taken.
func localModules(src *source, shownDir string, imports []ir.Import, importsOf func(string, []byte) []ir.Import) (local, third []string, diags diag.List) {
	m := &modules{src: src, shownDir: shownDir, files: map[string]bool{}, third: map[string]bool{}, failed: map[string]bool{}}
	var queue []pendingImport
	for _, imp := range imports {
		queue = append(queue, pendingImport{imp: imp})
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, file := range m.resolve(p) {
			if m.files[file] {
				continue
			}
			data, err := m.src.read(file)
			if err != nil {
				m.fail(p.imp.Pos, file, err)
				continue
			}
			m.files[file] = true
			if importsOf == nil {
				continue
			}
			for _, imp := range importsOf(path.Join(shownDir, file), data) {
				queue = append(queue, pendingImport{imp: imp, from: file})
			}
		}
	}
	return sortedSet(m.files), sortedSet(m.third), m.diags
}

func (m *modules) fail(pos diag.Pos, rel string, err error) {
	if !m.failed[rel] {
		m.failed[rel] = true
		m.diags = append(m.diags, diag.Errorf(pos, diag.Build, "cannot copy the imported module %s into the build context: %v", rel, err))
	}
}

// resolve lists the local files one import statement loads; it records the import as
// third-party when it is nothing local.
func (m *modules) resolve(p pendingImport) []string {
	mod := strings.TrimLeft(p.imp.Module, ".")
	level := len(p.imp.Module) - len(mod)
	var parts []string
	if mod != "" {
		parts = strings.Split(mod, ".")
	}
	base := ""
	if level > 0 {
		if p.from == "" {
			return nil // a relative import in the flow file fails in Python itself
		}
		base = path.Dir(p.from)
		for range level - 1 {
			base = path.Dir(base)
		}
		if base == "." {
			base = ""
		}
	} else if len(parts) == 0 || !m.isLocal(p.imp.Pos, parts[0]) {
		if len(parts) > 0 && !stdlib[parts[0]] && !provided[parts[0]] {
			m.third[parts[0]] = true
		}
		return nil
	}
	return m.walk(p.imp.Pos, base, parts, p.imp.Names)
}

// isLocal reports whether top is a module or package beside the flow file. A directory without
// __init__.py is a namespace package only when no standard or provided module has its name, as
// in Python, where namespace packages come last.
func (m *modules) isLocal(pos diag.Pos, top string) bool {
	if m.kind(pos, top+".py") == "file" {
		return true
	}
	if m.kind(pos, top) != "dir" {
		return false
	}
	return m.kind(pos, top+"/__init__.py") == "file" || !stdlib[top] && !provided[top]
}

// walk resolves the dotted parts under base, then the imported names as possible submodules.
func (m *modules) walk(pos diag.Pos, base string, parts, names []string) []string {
	var out []string
	dir := base
	for _, part := range parts {
		file := join(dir, part+".py")
		if m.kind(pos, file) == "file" {
			return append(out, file) // a module: what follows is an attribute
		}
		pkg := join(dir, part)
		if m.kind(pos, pkg) != "dir" {
			return out
		}
		if init := join(pkg, "__init__.py"); m.kind(pos, init) == "file" {
			out = append(out, init)
		}
		dir = pkg
	}
	for _, name := range names {
		if name == "*" {
			continue
		}
		if file := join(dir, name+".py"); m.kind(pos, file) == "file" {
			out = append(out, file)
		} else if init := join(dir, name, "__init__.py"); m.kind(pos, init) == "file" {
			out = append(out, init)
		}
	}
	return out
}

// kind is source.kind with a failure reported at the import.
func (m *modules) kind(pos diag.Pos, rel string) string {
	k, err := m.src.kind(rel)
	if err != nil {
		m.fail(pos, rel, err)
	}
	return k
}

func join(elems ...string) string { return path.Join(elems...) }

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
