package flow_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/flow"
)

// stepRunner drives a flow step by step in one process, with state directories under a temporary
// directory laid out as flowc run lays them: <root>/<step>[/<index>...].
type stepRunner struct {
	t    *testing.T
	root string
}

func newStepRunner(t *testing.T) *stepRunner { return &stepRunner{t: t, root: t.TempDir()} }

// dir is the state directory of step at the given foreach indexes.
func (r *stepRunner) dir(step string, idx ...string) string {
	return filepath.Join(append([]string{r.root, step}, idx...)...)
}

// encodeParams base64-encodes the values of the --param NAME=VALUE flags, as flowc does.
func encodeParams(args []string) []string {
	out := append([]string{"step"}, args...)
	for i := 1; i < len(out); i++ {
		if out[i-1] == "--param" {
			name, value, _ := strings.Cut(out[i], "=")
			out[i] = flow.ParamArg(name, value)
		}
	}
	return out
}

// run runs one step on a fresh flow and fails the test on an error. Parameter values are given
// plain, and encoded here.
func (r *stepRunner) run(f flow.Flow, args ...string) {
	r.t.Helper()
	if err := flow.RunStep(f, encodeParams(args)); err != nil {
		r.t.Fatalf("step %v: %v", args, err)
	}
}

// fail runs one step that must fail and returns its error.
func (r *stepRunner) fail(f flow.Flow, args ...string) error {
	r.t.Helper()
	err := flow.RunStep(f, encodeParams(args))
	if err == nil {
		r.t.Fatalf("step %v succeeded, want an error", args)
	}
	return err
}

// state reads the fields of a state.json.
func (r *stepRunner) state(dir string) map[string]json.RawMessage {
	r.t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, flow.StateFile))
	if err != nil {
		r.t.Fatal(err)
	}
	var st struct {
		Fields map[string]json.RawMessage `json:"fields"`
	}
	if err := json.Unmarshal(data, &st); err != nil {
		r.t.Fatal(err)
	}
	return st.Fields
}

func (r *stepRunner) read(path string) string {
	r.t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		r.t.Fatal(err)
	}
	return string(data)
}
