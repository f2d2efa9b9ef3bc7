// Package outdir writes compiled flows into an output directory without ever touching what the
// user owns there. Each flow's build spec goes into a directory of its own that flowc created
// and marked with a manifest (Marker) listing the files it wrote; flowc refuses to write into a
// directory without that mark, never writes through a symlink, and deletes only files its
// manifest lists. The manifests themselves (<name>.yaml) are written beside those directories
// only over a file that flowc wrote before.
package outdir

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Marker is the file that marks a directory as flowc's. It lists, one per line after a header,
// the files flowc wrote there, relative to the directory, so that a later compile removes only
// those.
const Marker = ".flowc-output"

const markerHeader = "# Written by flowc compile. flowc rewrites this directory and deletes only the files listed below.\n"

// ownedYAML is what every manifest flowc writes carries near its top: a manifest without it is
// not flowc's, and flowc does not overwrite it.
var ownedYAML = []byte("app.kubernetes.io/managed-by: flowc")

// Flow is one flow's output: the manifest file name (in the output directory), the name of its
// build spec directory, and that directory's files by slash path.
type Flow struct {
	YAMLName string
	YAML     []byte
	Dir      string
	Files    map[string][]byte
}

// Error is a refusal to write: what was found where, and what to do about it.
type Error struct {
	Path string
	Msg  string
}

func (e *Error) Error() string { return filepath.ToSlash(e.Path) + ": " + e.Msg }

// plan is what writing one flow will do, decided before anything is written.
type plan struct {
	flow    Flow
	dir     string          // the flow's directory on disk
	create  bool            // the directory does not exist yet
	written map[string]bool // the files the existing marker lists
}

// Write writes every flow into root atomically: it first checks that every target is flowc's
// to write, then writes all files to temporary names and renames them into place, and only then
// removes the files of earlier compiles that the new outputs no longer have. A refusal or a
// failed write leaves root as it was.
func Write(root string, flows []Flow) error {
	root = filepath.Clean(root) // "out/" is "out": its parent is not itself
	if st, err := os.Stat(root); err == nil && !st.IsDir() {
		return &Error{root, "is not a directory; -o names the directory flowc writes into: give another path"}
	}
	var plans []*plan
	for _, f := range flows {
		p, err := check(root, f)
		if err != nil {
			return err
		}
		plans = append(plans, p)
	}
	w := &writer{}
	if err := w.stage(root, plans); err != nil {
		w.rollback()
		return err
	}
	if err := w.commit(); err != nil {
		return err
	}
	for _, p := range plans {
		removeStale(p)
	}
	return nil
}

// check decides whether f may be written into root, reading what is there now.
func check(root string, f Flow) (*plan, error) {
	if err := checkYAML(filepath.Join(root, f.YAMLName)); err != nil {
		return nil, err
	}
	p := &plan{flow: f, dir: filepath.Join(root, f.Dir)}
	st, err := os.Lstat(p.dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		p.create = true
		return p, nil
	case err != nil:
		return nil, err
	case st.Mode()&fs.ModeSymlink != 0:
		return nil, &Error{p.dir, "is a symbolic link; flowc does not write through links: remove it, or compile with -o to another directory"}
	case !st.IsDir():
		return nil, &Error{p.dir, "exists and is not a directory flowc wrote; move it, or compile with -o to another directory"}
	}
	if p.written, err = readMarker(p.dir); err != nil {
		return nil, err
	}
	if err := checkTree(p); err != nil {
		return nil, err
	}
	return p, checkTargets(p)
}

// checkTargets refuses a file to write whose place holds something else than a regular file (a
// directory of that name): the rename would fail half way through the commit.
func checkTargets(p *plan) error {
	for rel := range p.flow.Files {
		path := filepath.Join(p.dir, filepath.FromSlash(rel))
		if st, err := os.Lstat(path); err == nil && !st.Mode().IsRegular() {
			return &Error{path, "is in the way of a file flowc writes there: remove it"}
		}
	}
	return nil
}

// checkYAML allows writing a manifest over nothing or over a regular file that flowc wrote.
func checkYAML(path string) error {
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return &Error{path, "exists and is not a regular file; flowc does not write through it: move it, or compile with -o to another directory"}
	}
	head, err := readHead(path, 4096)
	if err != nil {
		return err
	}
	if !bytes.Contains(head, ownedYAML) {
		return &Error{path, "exists and was not written by flowc; flowc does not overwrite it: move it, or compile with -o to another directory"}
	}
	return nil
}

func readHead(path string, n int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}

// readMarker reads the list of files flowc wrote into dir; a directory without a marker is the
// user's.
func readMarker(dir string) (map[string]bool, error) {
	path := filepath.Join(dir, Marker)
	st, err := os.Lstat(path)
	if err != nil || !st.Mode().IsRegular() {
		return nil, &Error{dir, "exists and was not created by flowc (it has no " + Marker + "); flowc writes only into directories it created: move it, or compile with -o to another directory"}
	}
	data, err := readHead(path, 1<<20)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte(markerHeader)) {
		return nil, &Error{path, "is not a marker flowc wrote; flowc writes only into directories it created: move the directory, or compile with -o to another directory"}
	}
	written := map[string]bool{}
	for _, line := range strings.Split(string(data[len(markerHeader):]), "\n") {
		if line != "" && filepath.IsLocal(filepath.FromSlash(line)) {
			written[line] = true
		}
	}
	return written, nil
}

// marker is the content of the marker that lists paths.
func marker(paths []string) []byte {
	var b bytes.Buffer
	b.WriteString(markerHeader)
	for _, p := range paths {
		b.WriteString(p + "\n")
	}
	return b.Bytes()
}

// checkTree refuses a flowc directory that holds links, or files flowc did not write: the build
// context is the whole directory, so a stranger in it would go into the image.
func checkTree(p *plan) error {
	return filepath.WalkDir(p.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(p.dir, path)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == "." || rel == Marker:
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			return &Error{path, "is a symbolic link inside flowc's output directory; flowc does not write through links: remove it"}
		case d.IsDir():
			return nil
		case !d.Type().IsRegular():
			return &Error{path, "is not a regular file; flowc's output directory holds only files it wrote: remove it"}
		case !p.written[rel]:
			return &Error{path, "was not written by flowc, and the directory is the flow's build context: move it out of " + filepath.ToSlash(p.dir)}
		}
		return nil
	})
}

// sortedKeys lists a flow directory's files in a stable order.
func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// removeStale deletes the files an earlier compile wrote that the new output no longer has, and
// then the directories that this leaves empty. Nothing else is touched.
func removeStale(p *plan) {
	var dirs []string
	for rel := range p.written {
		if _, keep := p.flow.Files[rel]; keep {
			continue
		}
		path := filepath.Join(p.dir, filepath.FromSlash(rel))
		if st, err := os.Lstat(path); err == nil && st.Mode().IsRegular() {
			os.Remove(path)
		}
		for d := filepath.Dir(path); d != p.dir && strings.HasPrefix(d, p.dir); d = filepath.Dir(d) {
			dirs = append(dirs, d)
		}
	}
	// Deepest first, so that a parent is empty by the time it is tried; Remove fails on a
	// directory that still holds anything, which is what keeps the rest.
	sort.Slice(dirs, func(i, j int) bool { return len(dirs[i]) > len(dirs[j]) })
	for _, d := range dirs {
		os.Remove(d)
	}
}

// maxCommitted caps what --check reads of a committed file: outputs are never larger than a
// build context.
const maxCommitted = 256 << 20

// ReadCommitted reads a committed output file for comparison, refusing a link or a file that is
// not regular (a committed link to /dev/zero must not hang the check).
func ReadCommitted(path string) ([]byte, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &Error{path, "is not a regular file; flowc writes only regular files"}
	}
	return readHead(path, maxCommitted)
}

// Check reports whether f could be written into root, without writing: the refusal Write would
// give, or nil. compile --check uses it so that it never diffs (and prints) a directory that is
// not flowc's.
func Check(root string, f Flow) error {
	_, err := check(filepath.Clean(root), f)
	return err
}
