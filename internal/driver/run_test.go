package driver_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/internal/runcases"
)

// TestSimulateExample runs each example's manifests from its build context alone: the records
// land in the DB file with upper-cased names and the notification counts them, in Python and Go,
// as they do on the real Argo (e2e.TestExample).
func TestSimulateExample(t *testing.T) {
	input, _ := filepath.Abs(filepath.Join("..", "..", "examples", "data_process", "input"))
	for _, example := range []string{"data_process", "data_process_go"} {
		t.Run(example, func(t *testing.T) {
			out := t.TempDir()
			simulate(t, filepath.Join("..", "..", "examples", example),
				map[string]string{"datasource_path": input},
				"DATA_DB="+filepath.Join(out, "db.jsonl"), "NOTIFY_FILE="+filepath.Join(out, "notify.txt"))
			db, _ := os.ReadFile(filepath.Join(out, "db.jsonl"))
			want := `{"name": "ALPHA", "value": 1}
{"name": "BETA", "value": 2}
{"name": "GAMMA", "value": 3}
`
			if string(db) != want {
				t.Errorf("db:\n%s\nwant:\n%s", db, want)
			}
			note, _ := os.ReadFile(filepath.Join(out, "notify.txt"))
			if string(note) != "3 new records are ready\n" {
				t.Errorf("notification: %q", note)
			}
		})
	}
}

// TestSimulateShapes runs, through the simulation, the flows of the table that the real-Argo
// suite runs too (e2e/testdata/shapes.txt, e2e.TestShapes), and checks the same values: the
// simulation is trusted for those cases and no others.
func TestSimulateShapes(t *testing.T) {
	root := filepath.Join("..", "..")
	cases, err := runcases.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, cs := range runcases.ByFlow(cases) { // one run per flow, for all its cases
		t.Run(cs[0].FlowName(), func(t *testing.T) {
			s := simulate(t, filepath.Join(root, filepath.FromSlash(cs[0].Flow)), cs[0].Params)
			for _, c := range cs {
				if c.Artifact == "" {
					continue
				}
				if msg := c.Check([]byte(s.value(c))); msg != "" {
					t.Error(msg)
				}
			}
		})
	}
}

// value reads the case's artifact (Python) or state field (Go) of a top-level step, as JSON.
func (s *simulator) value(c runcases.Case) string {
	dir := filepath.Join(s.store, "wf-sim", c.Step)
	if c.Go() {
		data, err := os.ReadFile(filepath.Join(dir, "state.json"))
		if err != nil {
			s.t.Fatal(err)
		}
		var st struct{ Fields map[string]json.RawMessage }
		if err := json.Unmarshal(data, &st); err != nil {
			s.t.Fatal(err)
		}
		return string(st.Fields[c.Artifact])
	}
	flowFile := "flow.py" // the flow's file name in the build context
	if strings.HasSuffix(c.Flow, ".py") {
		flowFile = path.Base(c.Flow)
	}
	cmd := exec.Command(s.python, "-m", "flowc_runtime", "dump", dir, "--flow", flowFile)
	cmd.Dir, cmd.Env = s.app, s.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("dump %s: %v\n%s", c.Step, err, out)
	}
	var st struct {
		Artifacts map[string]json.RawMessage `json:"artifacts"`
	}
	if err := json.Unmarshal(out, &st); err != nil {
		s.t.Fatalf("dump %s: %v\n%s", c.Step, err, out)
	}
	v, ok := st.Artifacts[c.Artifact]
	if !ok {
		s.t.Fatalf("%s has no artifact %q: %s", c.Step, c.Artifact, out)
	}
	return string(v)
}
