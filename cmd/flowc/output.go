package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/flowc-dev/flowc/internal/driver"
	"github.com/flowc-dev/flowc/internal/outdir"
)

// existing lists the files flowc owns in dir for one flow: <name>.yaml and all under <name>/.
func existing(dir string, o *driver.Output) map[string]bool {
	have := map[string]bool{}
	if _, err := os.Stat(filepath.Join(dir, o.Name+".yaml")); err == nil {
		have[o.Name+".yaml"] = true
	}
	root := filepath.Join(dir, o.Name)
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != outdir.Marker {
			rel, _ := filepath.Rel(dir, p)
			have[filepath.ToSlash(rel)] = true
		}
		return nil
	})
	return have
}

// checkOutputs prints a unified diff for every file in dir that differs from what the flows
// compile to, including files that should not be there, and fails when there is any.
func checkOutputs(e *env, dir string, outs []*driver.Output) int {
	stale := 0
	flows := toFlows(outs)
	for i, o := range outs {
		if err := outdir.Check(dir, flows[i]); err != nil {
			stale++
			fmt.Fprintf(e.stderr, "flowc: %v\n", err)
			continue
		}
		have := existing(dir, o)
		paths := o.Paths()
		for p := range have {
			if _, ok := o.Files[p]; !ok {
				paths = append(paths, p)
			}
		}
		sort.Strings(paths)
		for _, p := range paths {
			old, err := outdir.ReadCommitted(filepath.Join(dir, filepath.FromSlash(p)))
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				stale++
				fmt.Fprintf(e.stderr, "flowc: %v\n", err)
				continue
			}
			want := o.Files[p]
			if have[p] && string(old) == string(want) && want != nil {
				continue
			}
			stale++
			name := filepath.ToSlash(filepath.Join(dir, p))
			e.stdout.Write(diff.Diff(name+" (committed)", old, name+" (compiled)", want))
		}
	}
	if stale > 0 {
		fmt.Fprintf(e.stderr, "flowc: %d file(s) in %s are stale; run flowc compile -o %s with the same flows to update them\n", stale, dir, dir)
		return exitFail
	}
	return exitOK
}

// writeOutputs writes every output atomically into dir, each flow's build spec into a directory
// of its own that flowc created (see outdir): a failure or a refusal leaves dir as it was.
func writeOutputs(dir string, outs []*driver.Output) error {
	return outdir.Write(dir, toFlows(outs))
}

// toFlows splits each output into its manifest and its build spec directory.
func toFlows(outs []*driver.Output) []outdir.Flow {
	var flows []outdir.Flow
	for _, o := range outs {
		f := outdir.Flow{YAMLName: o.Name + ".yaml", YAML: o.Files[o.Name+".yaml"], Dir: o.Name, Files: map[string][]byte{}}
		for p, data := range o.Files {
			if rel, ok := strings.CutPrefix(p, o.Name+"/"); ok {
				f.Files[rel] = data
			}
		}
		flows = append(flows, f)
	}
	return flows
}
