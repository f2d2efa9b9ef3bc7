package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/flowc-dev/flowc/internal/settings"
)

// MaxContextBytes caps a build context: what goes beyond it belongs in object storage or a
// base image, not in a context that every compile reads and hashes.
const MaxContextBytes = 64 << 20

// source reads files under a flow's root directory, and nothing outside it: a symbolic link
// that resolves outside the root is refused, as is every file that is not a regular file
// (a FIFO, a device, a socket), which is never opened. It also counts the bytes read against
// the context's cap.
type source struct {
	dir   string // the root as given
	real  string // the root with its own links resolved
	total int64
	max   int64
}

// ReadFile reads rel under dir with a build context's rules: nothing outside dir, only a
// regular file, within MaxContextBytes.
func ReadFile(dir, rel string) ([]byte, error) {
	s, err := newSource(dir, 0)
	if err != nil {
		return nil, err
	}
	return s.read(rel)
}

// Root reads files under a flow's directory with a build context's rules, as ReadFile does,
// each file within the cap on its own: the driver hands it to the Python frontend, which follows
// the flow's local modules through it (python.Dir). The context's cap on the sum is this
// package's to apply, when it copies them.
type Root struct{ s *source }

// OpenRoot opens dir for reading with a build context's rules.
func OpenRoot(dir string) (*Root, error) {
	s, err := newSource(dir, 0)
	if err != nil {
		return nil, err
	}
	return &Root{s: s}, nil
}

// Kind says what rel is: "" (nothing), "file" or "dir", or why it must not be read.
func (r *Root) Kind(rel string) (string, error) { return r.s.kind(rel) }

// ReadFile reads rel: only a regular file inside the root, within MaxContextBytes.
func (r *Root) ReadFile(rel string) ([]byte, error) {
	r.s.total = 0
	return r.s.read(rel)
}

func newSource(dir string, max int64) (*source, error) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, err
	}
	if real, err = filepath.Abs(real); err != nil {
		return nil, err
	}
	if max <= 0 {
		max = MaxContextBytes
	}
	return &source{dir: dir, real: real, max: max}, nil
}

// kind says what rel is, without reading it: "" (nothing), "file" or "dir". A link is judged by
// what it points to; a link leaving the root, or a non-regular file, is an error.
func (s *source) kind(rel string) (string, error) {
	_, st, err := s.resolve(rel)
	if err != nil || st == nil {
		return "", err
	}
	switch {
	case st.IsDir():
		return "dir", nil
	case st.Mode().IsRegular():
		return "file", nil
	}
	return "", fmt.Errorf("%s is not a regular file (%s); flowc never reads one into a build context", rel, modeName(st.Mode()))
}

// resolve follows rel's links and checks that it stays inside the root; st is nil when nothing
// is there.
func (s *source) resolve(rel string) (string, fs.FileInfo, error) {
	if err := checkName(rel); err != nil {
		return "", nil, err
	}
	path := filepath.Join(s.dir, filepath.FromSlash(rel))
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return "", nil, nil
	}
	real, err := filepath.EvalSymlinks(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil, fmt.Errorf("%s is a symbolic link to nothing", rel)
	}
	if err != nil {
		return "", nil, err
	}
	if real, err = filepath.Abs(real); err != nil {
		return "", nil, err
	}
	if r, err := filepath.Rel(s.real, real); err != nil || !filepath.IsLocal(r) {
		return "", nil, fmt.Errorf("%s is a symbolic link to %s, outside the flow's directory; flowc reads nothing outside it: copy the file in instead", rel, filepath.ToSlash(real))
	}
	st, err := os.Lstat(real)
	if err != nil {
		return "", nil, err
	}
	return real, st, nil
}

// read returns rel's bytes, when it is a regular file inside the root and within the cap.
func (s *source) read(rel string) ([]byte, error) {
	real, st, err := s.resolve(rel)
	switch {
	case err != nil:
		return nil, err
	case st == nil:
		return nil, fmt.Errorf("%s does not exist", rel)
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("%s is not a regular file (%s); flowc never reads one into a build context", rel, modeName(st.Mode()))
	case s.total+st.Size() > s.max:
		return nil, s.capError(rel)
	}
	f, err := os.Open(real)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may grow between the stat and the read: never read past the cap.
	data, err := io.ReadAll(io.LimitReader(f, s.max-s.total+1))
	if err != nil {
		return nil, err
	}
	s.total += int64(len(data))
	if s.total > s.max {
		return nil, s.capError(rel)
	}
	return data, nil
}

// take counts n bytes of rel, read elsewhere, against the cap.
func (s *source) take(rel string, n int) error {
	if s.total+int64(n) > s.max {
		return s.capError(rel)
	}
	s.total += int64(n)
	return nil
}

func (s *source) capError(rel string) error {
	return fmt.Errorf("the build context would exceed %d MiB with %s; keep large data out of it (object storage, or a base image)", s.max>>20, rel)
}

func modeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m.IsDir():
		return "a directory"
	}
	return "mode " + m.String()
}

// checkName reports what is wrong with a file's slash-separated name relative to the flow's
// root, or nil (see settings.CheckName).
func checkName(rel string) error { return settings.CheckName(rel) }
