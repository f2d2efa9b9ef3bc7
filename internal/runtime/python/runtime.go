// Package pyruntime owns flowc's Python step runtime: the flowc_runtime package that runs each
// step of a Python flow (python -m flowc_runtime step ...), and the metaflow and flowc packages
// through which flows import the flow API. The files are embedded in the flowc binary and
// written into every Python flow's build context, next to the flow file.
package pyruntime

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// The all: prefix matters: without it go:embed leaves out names starting with "_", which
// would drop every __init__.py.
//
//go:embed all:files
var embedded embed.FS

// Module is the Python module that runs a step: python -m Module step STEP ...
const Module = "flowc_runtime"

// Files returns the runtime's files, keyed by slash-separated path relative to the build
// context (for example "flowc_runtime/__init__.py"). Only .py sources are included, so a
// __pycache__ left by a local Python run never reaches a build context or its hash.
func Files() map[string][]byte {
	files := make(map[string][]byte)
	err := fs.WalkDir(embedded, "files", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "files" && !isSourceDir(d.Name()) {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".py") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := embedded.ReadFile(p)
		if err != nil {
			return err
		}
		files[strings.TrimPrefix(p, "files/")] = data
		return nil
	})
	if err != nil {
		// The embedded tree is fixed at build time; failing to walk it is a build bug.
		panic(fmt.Sprintf("pyruntime: reading embedded files: %v", err))
	}
	return files
}

func isSourceDir(name string) bool {
	return name != "__pycache__" && !strings.HasPrefix(name, ".")
}

// Paths returns the keys of Files in sorted order.
func Paths() []string {
	files := Files()
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

// WriteTo writes the runtime's files into dir, creating directories as needed (mode 0755)
// and files with mode 0644, in sorted order. Existing files of the same names are replaced.
func WriteTo(dir string) error {
	files := Files()
	for _, p := range Paths() {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, files[p], 0o644); err != nil {
			return err
		}
		// WriteFile keeps the mode of a file that already exists.
		if err := os.Chmod(dst, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Packages returns the top-level Python packages that WriteTo creates, sorted.
func Packages() []string {
	seen := make(map[string]bool)
	var pkgs []string
	for _, p := range Paths() {
		top, _, _ := strings.Cut(p, "/")
		if strings.Contains(p, "/") && !seen[top] {
			seen[top] = true
			pkgs = append(pkgs, top)
		}
	}
	return pkgs
}

// Exported lists the names a module of the runtime provides to flows: "metaflow" (flowc's
// stand-in for Metaflow) or "flowc". They are read from the embedded sources' __all__ lists, so
// that the compiler refuses exactly the names the image would fail to import. A submodule such as
// "metaflow.cards" that provides any name (by a module __getattr__) gives nil, ok true.
func Exported(module string) (names []string, ok bool) {
	exportedOnce.Do(func() { exportedCache = map[string]exported{} })
	exportedMu.Lock()
	defer exportedMu.Unlock()
	if e, done := exportedCache[module]; done {
		return e.names, e.ok
	}
	names, ok = readExported(module)
	exportedCache[module] = exported{names, ok}
	return names, ok
}

// The embedded files never change, so each module's names are read once.
var (
	exportedOnce  sync.Once
	exportedMu    sync.Mutex
	exportedCache map[string]exported
)

type exported struct {
	names []string
	ok    bool
}

// Submodules lists the submodules of the runtime's package module ("metaflow.cards", ...).
func Submodules(module string) []string {
	entries, err := embedded.ReadDir("files/" + strings.ReplaceAll(module, ".", "/"))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".py")
		if name != "__init__" && isIdent(name) && (e.IsDir() || strings.HasSuffix(e.Name(), ".py")) {
			out = append(out, module+"."+name)
		}
	}
	sort.Strings(out)
	return out
}

func readExported(module string) (names []string, ok bool) {
	switch module {
	case "flowc":
		return allList("flowc_runtime/__init__.py"), true
	case "metaflow":
		// metaflow/__init__.py's __all__ adds the runtime's and the client's lists by name, not
		// as literals, so they are read here from their own files.
		names := append(allList("flowc_runtime/__init__.py"), allList("flowc_runtime/client.py")...)
		names = append(names, allList("metaflow/__init__.py")...)
		sort.Strings(names)
		return names, true
	}
	rel := strings.ReplaceAll(module, ".", "/")
	for _, p := range []string{rel + ".py", rel + "/__init__.py"} {
		if data, err := embedded.ReadFile("files/" + p); err == nil {
			if strings.Contains(string(data), "\ndef __getattr__(") {
				return nil, true
			}
			return allList(p), true
		}
	}
	return nil, false
}

// allList reads the string literals of the __all__ assignment of an embedded file: from
// "__all__ =" to the end of its bracketed list, whatever else the statement adds.
func allList(p string) []string {
	data, err := embedded.ReadFile("files/" + p)
	if err != nil {
		panic(fmt.Sprintf("pyruntime: reading embedded %s: %v", p, err))
	}
	s := string(data)
	i := strings.Index(s, "\n__all__ =")
	if i < 0 {
		return nil
	}
	s = s[i:]
	if j := strings.Index(s, "]\n"); j >= 0 {
		s = s[:j]
	}
	var names []string
	for _, part := range strings.Split(s, "\"")[1:] {
		if isIdent(part) {
			names = append(names, part)
		}
	}
	sort.Strings(names)
	return names
}

func isIdent(s string) bool {
	for i, r := range s {
		ok := r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9'
		if !ok {
			return false
		}
	}
	return s != ""
}
