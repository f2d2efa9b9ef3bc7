// Package driver runs flowc's pipeline for the commands: find the flow files, parse them with the
// right frontend, run the checks, and emit manifests and build specs.
package driver

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/flowc-dev/flowc/compiler/check"
	"github.com/flowc-dev/flowc/compiler/graph"
	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/emit/build"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/internal/outdir"
	"github.com/flowc-dev/flowc/parser/golang"
	"github.com/flowc-dev/flowc/parser/python"
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
func Load(paths []string) ([]*Flow, diag.List) { return LoadWith(paths, LoadOptions{}) }

// LoadOptions are what a command line adds to the sources when loading flows.
type LoadOptions struct {
	// Configs maps a Config's name to the file that gives its value (--config NAME=FILE),
	// over the default the flow names.
	Configs map[string]string
}

// LoadWith is Load with options.
func LoadWith(paths []string, o LoadOptions) ([]*Flow, diag.List) {
	flows, diags := resolveAll(paths, o)
	for _, fl := range flows {
		diags = append(diags, check.Run(fl.IR)...)
	}
	return flows, diags.Sorted()
}

// resolveAll is LoadWith without the checks: the frontends' IR, resolved by the compile phase
// (Config values, then graph.Resolve), which is the last to write it. The checks only read
// what it returns; so do the emitters and flowc run.
func resolveAll(paths []string, o LoadOptions) ([]*Flow, diag.List) {
	var flows []*Flow
	var diags diag.List
	seen := map[string]bool{}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			diags = append(diags, diag.Errorf(diag.Pos{File: display(p)}, diag.Read, "cannot read %s: %v", display(p), errText(err)))
			continue
		}
		if !st.IsDir() {
			fl, d := frontendOf(p).Load(p, true, o)
			flows, diags = appendNew(flows, fl, seen), append(diags, d...)
			continue
		}
		units, outside, err := sourceUnits(p)
		if err != nil {
			diags = append(diags, diag.Errorf(diag.Pos{File: display(p)}, diag.Read, "cannot read %s: %v", display(p), errText(err)))
		}
		for _, o := range outside {
			diags = append(diags, diag.Warningf(diag.Pos{File: display(o)}, diag.Read,
				"%s is a symbolic link leading outside %s, so flowc does not read it", display(o), display(p)).
				Suggest("compile it by naming it, or copy the file in"))
		}
		found := false
		for i, fe := range frontends {
			for _, u := range units[i] {
				fl, d := fe.Load(u, false, o)
				found = found || len(fl) > 0 || d.HasErrors()
				flows, diags = appendNew(flows, fl, seen), append(diags, d...)
			}
		}
		if !found {
			diags = append(diags, diag.Errorf(diag.Pos{File: display(p)}, diag.NoFlow, "no flow found under %s", display(p)).Suggest("%s", shapes()))
		}
	}
	return flows, append(diags, unusedConfigs(paths, flows, o)...).Sorted()
}

// appendNew appends the flows of fl that seen does not hold yet: a file named twice, or named and
// found again under a directory also named, is one flow, not two that collide.
func appendNew(flows, fl []*Flow, seen map[string]bool) []*Flow {
	for _, f := range fl {
		abs, err := filepath.Abs(f.Path)
		if err != nil {
			abs = f.Path
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real // a link beside its target is the target
		}
		key := abs + "\x00" + f.IR.Name
		if !seen[key] {
			seen[key] = true
			flows = append(flows, f)
		}
	}
	return flows
}

// loadFile parses one file; must says whether a file without a flow is an error.
func loadFile(path string, must bool, o LoadOptions) ([]*Flow, diag.List) {
	src, err := readRegular(path)
	name := display(path)
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: name}, diag.Read, "cannot read %s: %v", name, errText(err))}
	}
	var irs []*ir.Flow
	var diags diag.List
	if root, err := build.OpenRoot(filepath.Dir(path)); err == nil {
		irs, diags = python.ParseFileIn(name, src, root)
	} else {
		irs, diags = python.ParseFile(name, src) // the build context will say why it cannot read it
	}
	if !must && len(irs) == 0 {
		// A helper module in a flow directory: its syntax is not the compiler's business.
		return nil, nil
	}
	if len(irs) == 0 && !diags.HasErrors() {
		diags = append(diags, diag.Errorf(diag.Pos{File: name, Line: 1, Col: 1}, diag.NoFlow,
			"no flow found in %s", name).Suggest("%s", pythonFrontend{}.Shape()))
	}
	var out []*Flow
	for _, f := range irs {
		resolveConfigs(f, filepath.Dir(path), o.Configs)
		graph.Resolve(f)
		out = append(out, &Flow{IR: f, Path: path, Src: src})
	}
	return out, diags
}

// loadGo loads the Go flow package in dir (or holding the file dir); must says whether a package
// without a flow is an error.
func loadGo(dir string, must bool, _ LoadOptions) ([]*Flow, diag.List) {
	irs, diags := golang.Load(dir)
	name := display(dir)
	if len(irs) == 0 && !diags.HasErrors() {
		// A package without a flow whose types look like one: what was meant to be a flow.
		promoted := false
		for i, d := range diags {
			if d.Check == diag.NoFlow {
				diags[i].Severity, promoted = diag.Error, true
			}
		}
		switch {
		case promoted:
		case !must:
			return nil, nil
		default:
			diags = append(diags, diag.Errorf(diag.Pos{File: name}, diag.NoFlow,
				"no flow found in %s", name).Suggest("%s", goFrontend{}.Shape()))
		}
	}
	var out []*Flow
	for _, f := range irs {
		graph.Resolve(f)
		out = append(out, &Flow{IR: f, Path: f.File})
	}
	return out, diags
}

// sourceUnits lists, for each of frontends, the units under dir it reads (files or package
// directories, each once, sorted), skipping hidden directories, testdata, caches and virtualenvs;
// and the source files it skips because they are symbolic links leading outside dir, which a
// compile of dir must not read.
func sourceUnits(dir string) (units [][]string, outside []string, err error) {
	units = make([][]string, len(frontends))
	seen := map[string]bool{}
	realDir, rerr := filepath.EvalSymlinks(dir)
	if rerr != nil {
		realDir = dir
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			n := d.Name()
			if p != dir && (strings.HasPrefix(n, ".") || n == "__pycache__" || n == "node_modules" || n == "venv" ||
				n == "site-packages" || n == "testdata" || n == "vendor" || isOutput(p)) {
				return filepath.SkipDir
			}
			return nil
		}
		for i, fe := range frontends {
			if u, ok := fe.Match(p); ok {
				if d.Type()&fs.ModeSymlink != 0 && !linksInside(realDir, p) {
					outside = append(outside, p)
					break
				}
				if !seen[u] {
					seen[u] = true
					units[i] = append(units[i], u)
				}
				break
			}
		}
		return nil
	})
	for _, u := range units {
		sort.Strings(u)
	}
	return units, outside, err
}

// linksInside reports whether the symbolic link p resolves to a file inside realDir.
func linksInside(realDir, p string) bool {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(realDir, target)
	return err == nil && filepath.IsLocal(rel)
}

// isOutput reports whether dir is a build context flowc wrote (it holds outdir's marker): its
// copy of the flow is an output, not a second flow, when -o lies inside the directory compiled.
func isOutput(dir string) bool {
	st, err := os.Lstat(filepath.Join(dir, outdir.Marker))
	return err == nil && st.Mode().IsRegular()
}

// readRegular reads a flow file the user named, refusing what is not a regular file (a FIFO
// would block the compile, a device would never end).
func readRegular(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > build.MaxContextBytes {
		return nil, fmt.Errorf("larger than %d MiB", build.MaxContextBytes>>20)
	}
	return os.ReadFile(path)
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
