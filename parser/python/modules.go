package python

import (
	"path"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// Dir reads the flow file's directory for the frontend, by slash paths relative to it. The
// driver gives one with the build context's rules (nothing outside the directory, no FIFO or
// device, a size cap), so that the frontend never opens a file itself.
type Dir interface {
	// Kind says what rel is: "" (nothing), "file" or "dir"; an error when flowc must not read it.
	Kind(rel string) (string, error)
	ReadFile(rel string) ([]byte, error)
}

// runtimeModules are the modules flowc's runtime puts in every image.
var runtimeModules = map[string]bool{"metaflow": true, "flowc": true, "flowc_runtime": true, "__future__": true}

// modules follows a flow's imports to the local modules they name, as Python would find them
// beside the flow file, and from those to theirs. Only the files that are imported are taken:
// a package's __init__.py files on the way, and the module itself, never the rest of the
// package's directory (which may hold anything, credentials included).
type modules struct {
	dir      Dir
	shownDir string // the flow's directory as diagnostics show it
	found    []ir.Module
	seen     map[string]bool // context paths already in found
	third    []ir.Import
	isThird  map[string]bool
	problems diag.List // local modules that do not parse, which Python would refuse to import
}

// pendingImport is an import statement and the local module it is in ("" for the flow file).
type pendingImport struct {
	imp  ir.Import
	from string
}

// LocalModules follows imports (the flow file's, name its path as diagnostics show it) through
// dir to the local modules the flow needs in its image, each with the import statement that
// first needs it and its content or why it cannot be read, in the order found; and to the
// third-party top-level modules it imports (neither local, standard nor flowc's), each at its
// first import. The build backend copies the former and warns about the latter. problems are
// the syntax errors of local modules, which would fail the flow in its image when it imports
// them: each at its place in the module, with a note at the import.
func LocalModules(name string, imports []ir.Import, dir Dir) (local []ir.Module, third []ir.Import, problems diag.List) {
	m := &modules{dir: dir, shownDir: path.Dir(name), seen: map[string]bool{}, isThird: map[string]bool{}}
	var queue []pendingImport
	for _, imp := range imports {
		queue = append(queue, pendingImport{imp: imp})
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, file := range m.resolve(p) {
			if m.seen[file] {
				continue
			}
			data, err := m.dir.ReadFile(file)
			if err != nil {
				m.fail(p.imp.Pos, file, err)
				continue
			}
			m.seen[file] = true
			m.found = append(m.found, ir.Module{Path: file, Pos: p.imp.Pos, Src: data})
			imps, bad := moduleImports(path.Join(m.shownDir, file), data)
			for _, d := range bad {
				d.Notes = append(d.Notes, diag.Note{Pos: p.imp.Pos, Message: "imported here"})
				m.problems = append(m.problems, d.Suggest("fix %s: the flow imports it, and Python would refuse it in the image", file))
			}
			for _, imp := range imps {
				queue = append(queue, pendingImport{imp: imp, from: file})
			}
		}
	}
	return m.found, m.third, m.problems
}

// fail records rel as a module that cannot go into the build context, once.
func (m *modules) fail(pos diag.Pos, rel string, err error) {
	if !m.seen[rel] {
		m.seen[rel] = true
		m.found = append(m.found, ir.Module{Path: rel, Pos: pos, Err: err.Error()})
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
			// Python runs the flow file as a script, __main__, which has no package.
			m.problems = append(m.problems, diag.Errorf(p.imp.Pos, diag.Import,
				"relative import of %q in the flow file: Python runs the flow file as a script, which has no package to import from", p.imp.Module).
				Suggest("import the module by its name, as the flow's directory is on the path"))
			return nil
		}
		base = path.Dir(p.from)
		for range level - 1 {
			base = path.Dir(base)
		}
		if base == "." {
			base = ""
		}
	} else if len(parts) == 0 || !m.isLocal(p.imp.Pos, parts[0]) {
		if len(parts) > 0 && !stdlib[parts[0]] && !runtimeModules[parts[0]] && !m.isThird[parts[0]] {
			m.isThird[parts[0]] = true
			m.third = append(m.third, ir.Import{Module: parts[0], Pos: p.imp.Pos})
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
	return m.kind(pos, top+"/__init__.py") == "file" || !stdlib[top] && !runtimeModules[top]
}

// walk resolves the dotted parts under base, then the imported names as possible submodules.
func (m *modules) walk(pos diag.Pos, base string, parts, names []string) []string {
	var out []string
	dir := base
	for _, part := range parts {
		file := path.Join(dir, part+".py")
		if m.kind(pos, file) == "file" {
			return append(out, file) // a module: what follows is an attribute
		}
		pkg := path.Join(dir, part)
		if m.kind(pos, pkg) != "dir" {
			return out
		}
		if init := path.Join(pkg, "__init__.py"); m.kind(pos, init) == "file" {
			out = append(out, init)
		}
		dir = pkg
	}
	for _, name := range names {
		if name == "*" {
			continue
		}
		if file := path.Join(dir, name+".py"); m.kind(pos, file) == "file" {
			out = append(out, file)
		} else if init := path.Join(dir, name, "__init__.py"); m.kind(pos, init) == "file" {
			out = append(out, init)
		}
	}
	return out
}

// kind is Dir.Kind with a failure recorded at the import.
func (m *modules) kind(pos diag.Pos, rel string) string {
	k, err := m.dir.Kind(rel)
	if err != nil {
		m.fail(pos, rel, err)
	}
	return k
}
