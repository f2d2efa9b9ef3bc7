// Package driver runs flowc's pipeline for the commands: find the flow files, parse them with the
// right frontend, run the checks, and emit manifests and build specs.
package driver

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/flowc-dev/flowc/internal/compiler/check"
	"github.com/flowc-dev/flowc/internal/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/internal/parser/python"
)

// Flow is one flow read from a source file.
type Flow struct {
	IR   *ir.Flow
	Path string // the source file as an OS path
	Src  []byte
}

// Load reads every flow in paths. A file named directly must hold a flow; a directory is searched
// for Python files that hold one, in lexical order. Diagnostics come back sorted; flows with
// errors are still returned, so that `check` can report everything at once.
func Load(paths []string) ([]*Flow, diag.List) {
	var flows []*Flow
	var diags diag.List
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			diags = append(diags, diag.Errorf(diag.Pos{File: display(p)}, "no-flow", "cannot read %s: %v", display(p), errText(err)))
			continue
		}
		if !st.IsDir() {
			fl, d := loadFile(p, true)
			flows, diags = append(flows, fl...), append(diags, d...)
			continue
		}
		files, err := pythonFiles(p)
		if err != nil {
			diags = append(diags, diag.Errorf(diag.Pos{File: display(p)}, "no-flow", "cannot read %s: %v", display(p), errText(err)))
		}
		found := false
		for _, f := range files {
			fl, d := loadFile(f, false)
			found = found || len(fl) > 0 || d.HasErrors()
			flows, diags = append(flows, fl...), append(diags, d...)
		}
		if !found {
			diags = append(diags, diag.Errorf(diag.Pos{File: display(p)}, "no-flow", "no flow found under %s: a flow is a class deriving FlowSpec", display(p)))
		}
	}
	return flows, diags.Sorted()
}

// loadFile parses one file; must says whether a file without a flow is an error.
func loadFile(path string, must bool) ([]*Flow, diag.List) {
	src, err := os.ReadFile(path)
	name := display(path)
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: name}, "no-flow", "cannot read %s: %v", name, errText(err))}
	}
	irs, diags := python.ParseFile(name, src)
	if !must && len(irs) == 0 {
		// A helper module in a flow directory: its syntax is not the compiler's business.
		return nil, nil
	}
	if len(irs) == 0 && !diags.HasErrors() {
		diags = append(diags, diag.Errorf(diag.Pos{File: name, Line: 1, Col: 1}, "no-flow",
			"no flow found in %s: a flow is a class deriving FlowSpec with @step methods", name))
	}
	var out []*Flow
	for _, f := range irs {
		diags = append(diags, check.Run(f)...)
		out = append(out, &Flow{IR: f, Path: path, Src: src})
	}
	return out, diags
}

// pythonFiles lists the .py files under dir, skipping hidden directories, caches and virtualenvs.
func pythonFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != dir {
			n := d.Name()
			if strings.HasPrefix(n, ".") || n == "__pycache__" || n == "node_modules" || n == "venv" || n == "site-packages" {
				return filepath.SkipDir
			}
		}
		if !d.IsDir() && strings.HasSuffix(p, ".py") {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// display is how a path appears in diagnostics: as given, cleaned, slash-separated.
func display(p string) string { return filepath.ToSlash(filepath.Clean(p)) }

// errText drops the path that os errors repeat.
func errText(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
