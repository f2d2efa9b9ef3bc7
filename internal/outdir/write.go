package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// writer stages files under temporary names and renames them into place, so that a failure
// part way leaves nothing behind.
type writer struct {
	pending []pending
	created []string // directories made, in creation order
}

type pending struct{ tmp, dst string }

// stage writes every file of every plan to a temporary name beside its destination.
func (w *writer) stage(root string, plans []*plan) error {
	if err := w.mkdirAll(root); err != nil {
		return err
	}
	for _, p := range plans {
		if err := w.temp(root, p.flow.YAMLName, p.flow.YAML); err != nil {
			return err
		}
		if p.create {
			if err := w.mkdir(p.dir); err != nil {
				return err
			}
		}
		paths := sortedKeys(p.flow.Files)
		files := map[string][]byte{Marker: marker(paths)}
		for _, rel := range paths {
			if rel == Marker || !filepath.IsLocal(filepath.FromSlash(rel)) {
				return fmt.Errorf("internal error: output file name %q", rel)
			}
			files[rel] = p.flow.Files[rel]
		}
		for _, rel := range append([]string{Marker}, paths...) {
			if err := w.parents(p.dir, rel); err != nil {
				return err
			}
			if err := w.temp(p.dir, rel, files[rel]); err != nil {
				return err
			}
		}
	}
	return nil
}

// mkdirAll makes the output directory itself and its missing parents, recording each one made.
func (w *writer) mkdirAll(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	if parent := filepath.Dir(dir); parent != dir {
		if err := w.mkdirAll(parent); err != nil {
			return err
		}
	}
	return w.mkdir(dir)
}

func (w *writer) mkdir(dir string) error {
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	w.created = append(w.created, dir)
	return nil
}

// parents makes the directories between a flow directory and one of its files, refusing any
// that exists as something other than a real directory.
func (w *writer) parents(base, rel string) error {
	d := base
	dirPart := filepath.Dir(filepath.FromSlash(rel))
	if dirPart == "." {
		return nil
	}
	for _, name := range splitPath(dirPart) {
		d = filepath.Join(d, name)
		st, err := os.Lstat(d)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := w.mkdir(d); err != nil {
				return err
			}
		case err != nil:
			return err
		case !st.IsDir() || st.Mode()&fs.ModeSymlink != 0:
			return &Error{d, "is not a directory flowc wrote; flowc does not write through it: remove it"}
		}
	}
	return nil
}

// splitPath splits a relative OS path into its elements.
func splitPath(p string) []string {
	var out []string
	for p != "." && p != "" {
		dir, file := filepath.Split(p)
		out = append([]string{file}, out...)
		p = filepath.Clean(dir)
		if dir == "" {
			break
		}
	}
	return out
}

// temp writes data to a temporary file in the directory of base/rel.
func (w *writer) temp(base, rel string, data []byte) error {
	dst := filepath.Join(base, filepath.FromSlash(rel))
	f, err := os.CreateTemp(filepath.Dir(dst), ".flowc-tmp-*")
	if err != nil {
		return err
	}
	w.pending = append(w.pending, pending{f.Name(), dst})
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", filepath.ToSlash(dst), err)
	}
	return nil
}

// commit renames every staged file into place. rename replaces a link at the destination
// itself, never what it points to.
func (w *writer) commit() error {
	for i, p := range w.pending {
		if err := os.Rename(p.tmp, p.dst); err != nil {
			for _, q := range w.pending[i:] {
				os.Remove(q.tmp)
			}
			return err
		}
	}
	return nil
}

// rollback removes the staged files and the directories made for them.
func (w *writer) rollback() {
	for _, p := range w.pending {
		os.Remove(p.tmp)
	}
	for i := len(w.created) - 1; i >= 0; i-- {
		os.Remove(w.created[i])
	}
}
