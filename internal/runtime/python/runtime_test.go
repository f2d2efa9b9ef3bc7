package pyruntime

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

// pythonPath returns the interpreter the tests run: $FLOWC_TEST_PYTHON (to try another
// version), else python3 from PATH; the tests skip when there is none.
func pythonPath(t *testing.T) string {
	t.Helper()
	interpreter.once.Do(func() {
		p := os.Getenv("FLOWC_TEST_PYTHON")
		if p == "" {
			p, interpreter.err = exec.LookPath("python3")
			if interpreter.err != nil {
				return
			}
		}
		// Resolve launchers such as pyenv's shims, which cost seconds per run, to the binary.
		out, err := exec.Command(p, "-c", "import sys; print(sys.executable)").Output()
		interpreter.path, interpreter.err = strings.TrimSpace(string(out)), err
	})
	if interpreter.err != nil {
		if errors.Is(interpreter.err, exec.ErrNotFound) {
			t.Skip("python3 is not on PATH")
		}
		t.Fatalf("python: %v", interpreter.err)
	}
	return interpreter.path
}

var interpreter struct {
	once sync.Once
	path string
	err  error
}

// buildContext is a temporary directory laid out like a flow's build context: the flow's
// files from testdata/<name>/ plus the runtime from WriteTo. Steps run with it as cwd.
type buildContext struct {
	t      *testing.T
	python string
	dir    string
	flow   string
	class  string
}

func newContext(t *testing.T, name, flow, class string) *buildContext {
	t.Helper()
	py := pythonPath(t)
	dir := t.TempDir()
	src := filepath.Join("testdata", name)
	if name == "data_process" {
		src = filepath.Join("..", "..", "..", "examples", "data_process") // the example itself
	}
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	if err := WriteTo(dir); err != nil {
		t.Fatal(err)
	}
	return &buildContext{t: t, python: py, dir: dir, flow: flow, class: class}
}

// on returns the context for use in subtest t.
func (c *buildContext) on(t *testing.T) *buildContext {
	cc := *c
	cc.t = t
	return &cc
}

type result struct {
	stdout, stderr string
	code           int
}

// exec runs python with args in the context; env entries override the inherited ones.
func (c *buildContext) exec(env []string, args ...string) result {
	c.t.Helper()
	cmd := exec.Command(c.python, args...)
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1", "FLOWC_RUN_ID=test-run",
		"FLOWC_TASK_ID=", "FLOWC_RETRY_COUNT=")
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &exitErr):
		code = exitErr.ExitCode()
	case err != nil:
		c.t.Fatalf("running %s: %v", c.python, err)
	}
	return result{stdout.String(), stderr.String(), code}
}

// step runs one step; FlowFile and Class default to the context's flow.
func (c *buildContext) step(cmd StepCommand, env ...string) result {
	c.t.Helper()
	if cmd.FlowFile == "" {
		cmd.FlowFile = c.flow
	}
	if cmd.Class == "" {
		cmd.Class = c.class
	}
	return c.exec(env, cmd.Args()...)
}

// mustStep runs one step that must succeed and returns its state, read when first used.
func (c *buildContext) mustStep(cmd StepCommand, env ...string) *state {
	c.t.Helper()
	r := c.step(cmd, env...)
	if r.code != 0 {
		c.t.Fatalf("step %s: exit %d\nstderr:\n%s", cmd.Step, r.code, r.stderr)
	}
	return &state{c: c, out: cmd.Out}
}

// fails runs one step that must exit with code and write to stderr every one of wants.
func (c *buildContext) fails(cmd StepCommand, code int, wants ...string) result {
	c.t.Helper()
	r := c.step(cmd)
	if r.code != code {
		c.t.Fatalf("step %s: exit %d, want %d\nstderr:\n%s", cmd.Step, r.code, code, r.stderr)
	}
	for _, want := range wants {
		if !strings.Contains(r.stderr, want) {
			c.t.Errorf("step %s: stderr lacks %q:\n%s", cmd.Step, want, r.stderr)
		}
	}
	return r
}

// state is the state a step wrote in out, dumped when first used: most steps of a test
// only feed the next one, and every Python start costs a noticeable fraction of a second.
type state struct {
	c    *buildContext
	out  string
	once sync.Once
	d    stateData
}

// stateData is a state.pkl as `python -m flowc_runtime dump` prints it.
type stateData struct {
	Step         string         `json:"step"`
	Artifacts    map[string]any `json:"artifacts"`
	Params       map[string]any `json:"params"`
	ForeachStack []struct {
		Step  string `json:"step"`
		Var   string `json:"var"`
		Index int    `json:"index"`
		Value any    `json:"value"`
	} `json:"foreach_stack"`
	Foreach *struct {
		Var       string `json:"var"`
		NumSplits int    `json:"num_splits"`
	} `json:"foreach"`
}

func (s *state) data() *stateData {
	s.c.t.Helper()
	s.once.Do(func() { s.d = s.c.dump(s.out) })
	return &s.d
}

func (c *buildContext) dump(out string) stateData {
	c.t.Helper()
	r := c.exec(nil, "-m", Module, "dump", out, "--flow", c.flow)
	if r.code != 0 {
		c.t.Fatalf("dump %s: exit %d\n%s", out, r.code, r.stderr)
	}
	var d stateData
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		c.t.Fatalf("dump %s: %v\n%s", out, err, r.stdout)
	}
	return d
}

// want checks that artifact name holds the value of the JSON text want.
func (s *state) want(name, want string) {
	t := s.c.t
	t.Helper()
	d := s.data()
	got, ok := d.Artifacts[name]
	if !ok {
		t.Errorf("step %s: no artifact %q (artifacts: %v)", d.Step, name, keys(d.Artifacts))
		return
	}
	var w any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("bad want %q: %v", want, err)
	}
	if !reflect.DeepEqual(got, w) {
		t.Errorf("step %s: artifact %s = %s, want %s", d.Step, name, jsonString(got), want)
	}
}

// absent checks that the state has none of the named artifacts.
func (s *state) absent(names ...string) {
	s.c.t.Helper()
	d := s.data()
	for _, name := range names {
		if _, ok := d.Artifacts[name]; ok {
			s.c.t.Errorf("step %s: unexpected artifact %q", d.Step, name)
		}
	}
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func TestFiles(t *testing.T) {
	t.Parallel()
	paths := Paths()
	for _, want := range []string{"flowc/__init__.py", "flowc_runtime/__init__.py", "flowc_runtime/__main__.py", "metaflow/__init__.py"} {
		if !slices.Contains(paths, want) {
			t.Errorf("Paths() lacks %s: %v", want, paths)
		}
	}
	for _, p := range paths {
		if !strings.HasSuffix(p, ".py") || strings.Contains(p, "__pycache__") {
			t.Errorf("Paths() has %s", p)
		}
	}
	if got, want := Packages(), []string{"flowc", "flowc_runtime", "metaflow"}; !slices.Equal(got, want) {
		t.Errorf("Packages() = %v, want %v", got, want)
	}

	// Writing twice, the second time over changed files, gives the same tree.
	dir := t.TempDir()
	if err := WriteTo(dir); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "flowc_runtime", "__init__.py")
	if err := os.WriteFile(stale, []byte("stale"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteTo(dir); err != nil {
		t.Fatal(err)
	}
	files := Files()
	var written []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		written = append(written, rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !bytes.Equal(data, files[rel]) {
			t.Errorf("%s differs from the embedded file", rel)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v, want 0644", rel, info.Mode().Perm())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(written, paths) {
		t.Errorf("WriteTo wrote %v, want %v", written, paths)
	}
}

// TestPython38Syntax checks every runtime file against Python 3.8's grammar, which the
// runtime must support, whatever newer Python runs the test.
func TestPython38Syntax(t *testing.T) {
	t.Parallel()
	py := pythonPath(t)
	dir := t.TempDir()
	if err := WriteTo(dir); err != nil {
		t.Fatal(err)
	}
	script := `import ast, sys
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        ast.parse(f.read(), path, feature_version=(3, 8))
`
	args := []string{"-c", script}
	for _, p := range Paths() {
		args = append(args, filepath.Join(dir, filepath.FromSlash(p)))
	}
	if out, err := exec.Command(py, args...).CombinedOutput(); err != nil {
		t.Errorf("%v\n%s", err, out)
	}
}
