package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/flowc-dev/flowc/internal/driver"
)

// existing lists the files flowc owns in dir for one flow: <name>.yaml and all under <name>/.
func existing(dir string, o *driver.Output) map[string]bool {
	have := map[string]bool{}
	if _, err := os.Stat(filepath.Join(dir, o.Name+".yaml")); err == nil {
		have[o.Name+".yaml"] = true
	}
	root := filepath.Join(dir, o.Name)
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
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
	for _, o := range outs {
		have := existing(dir, o)
		paths := o.Paths()
		for p := range have {
			if _, ok := o.Files[p]; !ok {
				paths = append(paths, p)
			}
		}
		sort.Strings(paths)
		for _, p := range paths {
			old, _ := readFile(filepath.Join(dir, filepath.FromSlash(p)))
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

// writeOutputs writes every output atomically: all files go to temporary names first and are
// renamed into place only when all were written, so a failure leaves the old outputs as they
// were. Files of a flow's build spec that it no longer has are removed.
func writeOutputs(dir string, outs []*driver.Output) error {
	type pending struct{ tmp, dst string }
	var done []pending
	cleanup := func() {
		for _, p := range done {
			os.Remove(p.tmp)
		}
	}
	for _, o := range outs {
		for _, p := range o.Paths() {
			dst := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				cleanup()
				return err
			}
			f, err := os.CreateTemp(filepath.Dir(dst), ".flowc-*")
			if err == nil {
				done = append(done, pending{f.Name(), dst})
				_, err = f.Write(o.Files[p])
				if cerr := f.Close(); err == nil {
					err = cerr
				}
			}
			if err != nil {
				cleanup()
				return fmt.Errorf("cannot write %s: %v", dst, err)
			}
		}
	}
	for _, p := range done {
		if err := os.Chmod(p.tmp, 0o644); err != nil {
			return err
		}
		if err := os.Rename(p.tmp, p.dst); err != nil {
			return err
		}
	}
	for _, o := range outs {
		for p := range existing(dir, o) {
			if _, ok := o.Files[p]; !ok {
				os.Remove(filepath.Join(dir, filepath.FromSlash(p)))
			}
		}
	}
	return nil
}
