package stepcmd_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	pyruntime "github.com/flowc-dev/flowc/internal/runtime/python"
)

// The conformance suite runs every case of testdata/conformance against both runtimes: the
// Python runtime with testdata/conformance/flow.py, and a Go binary built from goflow/, the
// same flow written with the Go SDK. A case (a txtar file) holds:
//
//	args       the step command line, one argument per line; $IN and $OUT are directories
//	env        optional KEY=VALUE lines
//	in/P.json  optional input states, normalised (see state), written to $IN/P/ in each
//	           runtime's format (state.pkl or state.json)
//	exit       the exit code
//	stderr     optional lines that stderr must contain
//	out.json   optional: the state the step must write to $OUT, normalised
//
// A second line in exit says more: "nostate", $OUT must exist and hold no state; "caught",
// @catch took over and the step wrote caught.json (which it must write only then).
//
// A normalised state is {"artifacts": {...}, "present": [names whose value is not compared],
// "foreach": {"var", "num_splits"} or null}.

type state struct {
	Artifacts map[string]any `json:"artifacts"`
	Present   []string       `json:"present,omitempty"`
	Foreach   any            `json:"foreach"`
	Stack     []any          `json:"foreach_stack,omitempty"`
}

type runtime struct {
	name    string
	python  string // the interpreter, for the Python runtime
	dir     string // the Python build context
	goflow  string // the Go binary
	program func(args []string) *exec.Cmd
}

func TestConformance(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("testdata", "conformance", "*.txtar"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, rt := range runtimes(t) {
		t.Run(rt.name, func(t *testing.T) {
			for _, path := range cases {
				ar, err := txtar.ParseFile(path)
				if err != nil {
					t.Fatal(err)
				}
				name := strings.TrimSuffix(filepath.Base(path), ".txtar")
				t.Run(name, func(t *testing.T) { runCase(t, rt, ar) })
			}
		})
	}
}

func runtimes(t *testing.T) []*runtime {
	var out []*runtime
	bin := filepath.Join(t.TempDir(), "goflow")
	if b, err := exec.Command("go", "build", "-o", bin, "./testdata/conformance/goflow").CombinedOutput(); err != nil {
		t.Fatalf("building the Go flow: %v\n%s", err, b)
	}
	out = append(out, &runtime{name: "go", goflow: bin, program: func(args []string) *exec.Cmd {
		return exec.Command(bin, args...)
	}})
	py := pythonPath()
	if py == "" {
		t.Log("no python3: the Python runtime's half of the suite is skipped")
		return out
	}
	dir := t.TempDir()
	if err := pyruntime.WriteTo(dir); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join("testdata", "conformance", "flow.py"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "flow.py"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	out = append(out, &runtime{name: "python", python: py, dir: dir, program: func(args []string) *exec.Cmd {
		all := append([]string{"-m", pyruntime.Module}, args...)
		if len(args) >= 2 && args[0] == "step" {
			all = append(all, "--flow", "flow.py", "--class", "ConformanceFlow")
		}
		cmd := exec.Command(py, all...)
		cmd.Dir = dir
		return cmd
	}})
	return out
}

func pythonPath() string {
	if p := os.Getenv("FLOWC_TEST_PYTHON"); p != "" {
		return p
	}
	out, err := exec.Command("python3", "-c", "import sys; print(sys.executable)").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func runCase(t *testing.T, rt *runtime, ar *txtar.Archive) {
	work := t.TempDir()
	in, out := filepath.Join(work, "in"), filepath.Join(work, "out")
	files := map[string]string{}
	for _, f := range ar.Files {
		files[f.Name] = strings.ReplaceAll(strings.ReplaceAll(string(f.Data), "$IN", in), "$OUT", out)
		if name, ok := strings.CutPrefix(f.Name, "in/"); ok {
			writeState(t, rt, filepath.Join(in, filepath.FromSlash(strings.TrimSuffix(name, ".json"))), files[f.Name])
		}
		if name, ok := strings.CutPrefix(f.Name, "file/"); ok {
			if err := os.WriteFile(filepath.Join(work, name), []byte(files[f.Name]), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	args := lines(strings.ReplaceAll(files["args"], "$WORK", work))
	cmd := rt.program(args)
	cmd.Env = append(withoutFlowc(os.Environ()), "PYTHONDONTWRITEBYTECODE=1")
	cmd.Env = append(cmd.Env, lines(files["env"])...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	want := lines(files["exit"])
	if len(want) == 0 || want[0] != itoa(code) {
		t.Errorf("exit %d, want %v\nstderr:\n%s", code, want, stderr.String())
	}
	for _, l := range lines(files["stderr"]) {
		if !strings.Contains(stderr.String(), l) {
			t.Errorf("stderr lacks %q:\n%s", l, stderr.String())
		}
	}
	if len(want) > 1 && want[1] == "nostate" {
		checkNoState(t, out)
	}
	_, err = os.Stat(filepath.Join(out, "caught.json"))
	if wantCaught := len(want) > 1 && want[1] == "caught"; wantCaught != (err == nil) {
		t.Errorf("caught.json exists: %v, want %v", err == nil, wantCaught)
	}
	if w, ok := files["out.json"]; ok {
		checkState(t, rt, out, w)
	}
	checkEnd(t, out, args, code == 0 && !(len(want) > 1 && want[1] == "nostate"))
}

// checkEnd checks end.json: written by a step without --next that succeeded, naming the flow
// and the step, and by no other step.
func checkEnd(t *testing.T, out string, args []string, ok bool) {
	t.Helper()
	wantEnd := ok && !slices.Contains(args, "--next")
	data, err := os.ReadFile(filepath.Join(out, "end.json"))
	if wantEnd != (err == nil) {
		t.Errorf("end.json exists: %v, want %v", err == nil, wantEnd)
		return
	}
	if !wantEnd {
		return
	}
	var end struct{ Flow, Step string }
	if step := stepOf(args); json.Unmarshal(data, &end) != nil || end.Flow == "" || end.Step != step {
		t.Errorf("end.json = %s, want the flow and step %q", data, step)
	}
}

// stepOf is the step's NAME in a command line: after "step", the first argument in a flag's
// place that is not a flag.
func stepOf(args []string) string {
	for i := 1; i < len(args); i += 2 {
		if !strings.HasPrefix(args[i], "-") {
			return args[i]
		}
	}
	return ""
}

func checkNoState(t *testing.T, out string) {
	t.Helper()
	st, err := os.Stat(out)
	if err != nil || !st.IsDir() {
		t.Errorf("a failed step must leave its --out directory, for Argo's wait container: %v", err)
		return
	}
	for _, f := range []string{"state.pkl", "state.json"} {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("a failed step wrote %s", f)
		}
	}
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// withoutFlowc drops the protocol's variables from the test's own environment.
func withoutFlowc(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "FLOWC_") {
			out = append(out, kv)
		}
	}
	return out
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// isZero reports a JSON value that the Go SDK leaves out of its state when no step set it.
func isZero(v any) bool {
	return v == nil || reflect.ValueOf(v).IsZero() || reflect.DeepEqual(v, []any{}) || reflect.DeepEqual(v, map[string]any{})
}
