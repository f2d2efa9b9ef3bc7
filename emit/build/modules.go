package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/parser/python"
)

// provided are the modules flowc's runtime puts in every image.
var provided = map[string]bool{"metaflow": true, "flowc": true, "flowc_runtime": true, "__future__": true}

// localModules follows imports from the flow file to the modules and packages beside it, and
// from those to theirs. It returns the context paths to copy (sorted) and the third-party
// top-level modules that are neither local, standard nor provided (sorted).
func localModules(dir string, imports []ir.Import, flowFile string) (local, third []string, diags diag.List) {
	seenTop := map[string]bool{}
	files := map[string]bool{}
	thirdSet := map[string]bool{}
	queue := append([]ir.Import(nil), imports...)
	for len(queue) > 0 {
		imp := queue[0]
		queue = queue[1:]
		top := strings.SplitN(imp.Module, ".", 2)[0]
		if top == "" || seenTop[top] { // relative imports stay inside an included package
			continue
		}
		seenTop[top] = true
		paths := modulePaths(dir, top)
		switch {
		case len(paths) > 0:
			for _, p := range paths {
				files[p] = true
				if strings.HasSuffix(p, ".py") {
					queue = append(queue, moduleImports(dir, p)...)
				}
			}
		case !stdlib[top] && !provided[top]:
			thirdSet[top] = true
		}
	}
	for p := range files {
		local = append(local, p)
	}
	for t := range thirdSet {
		third = append(third, t)
	}
	sort.Strings(local)
	sort.Strings(third)
	return local, third, diags
}

// modulePaths finds module top next to the flow: top.py, or every file of the package top/.
func modulePaths(dir, top string) []string {
	if st, err := os.Stat(filepath.Join(dir, top+".py")); err == nil && !st.IsDir() {
		return []string{top + ".py"}
	}
	pkg := filepath.Join(dir, top)
	if st, err := os.Stat(pkg); err != nil || !st.IsDir() {
		return nil
	}
	var out []string
	_ = filepath.WalkDir(pkg, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() && (name == "__pycache__" || strings.HasPrefix(name, ".")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && !strings.HasPrefix(name, ".") && !strings.HasSuffix(name, ".pyc") {
			if rel, err := filepath.Rel(dir, p); err == nil {
				out = append(out, filepath.ToSlash(rel))
			}
		}
		return nil
	})
	return out
}

// moduleImports lists what a local module imports; one that does not parse imports nothing here,
// and fails at run time with Python's own message.
func moduleImports(dir, rel string) []ir.Import {
	src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil
	}
	return python.Imports(rel, src)
}
