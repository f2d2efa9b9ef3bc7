package driver_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSimulateExample runs each example's manifests from its build context alone: the records
// land in the DB file with upper-cased names and the notification counts them, in Python and Go.
func TestSimulateExample(t *testing.T) {
	input, _ := filepath.Abs(filepath.Join("..", "..", "examples", "data_process", "input"))
	for _, example := range []string{"data_process", "data_process_go"} {
		t.Run(example, func(t *testing.T) {
			out := t.TempDir()
			s := simulate(t, filepath.Join("..", "..", "examples", example),
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
			if len(s.ran) != 6 {
				t.Errorf("ran %d tasks, want 6: %v", len(s.ran), s.ran)
			}
		})
	}
}

// TestSimulateGoShapes runs the Go graph-shape flows as Argo would and checks what their steps
// computed and how many pods ran.
func TestSimulateGoShapes(t *testing.T) {
	cases := []struct {
		name, step, field, want string
		tasks                   int
	}{
		{"linear", "end", "X", "2", 3},
		{"split", "join", "Vs", `["a","b","c"]`, 6},
		{"nested_split", "end", "", "", 8},
		{"foreach", "join", "Total", "14", 6},
		{"foreach_multistep", "join", "Lines", `["a=2","bb=4","ccc=6"]`, 12},
		{"nested_foreach", "foreach_join_x", "Word", `"` + strings.Repeat("fghijk", 6) + `"`, 57},
		{"split_in_foreach", "outer_join", "Total", "53", 11},
		{"foreach_in_split", "fan_join", "V", "2", 8},
		{"parameters", "end", "", "", 2},
		{"init", "gather", "Lines", `["worker 0 says HELLO!","worker 1 says hello...","worker 2 says HELLO!"]`, 10},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := simulate(t, filepath.Join("..", "..", "testdata", "go", c.name), map[string]string{"source": "s3://bucket"})
			if len(s.ran) != c.tasks {
				t.Errorf("ran %d tasks, want %d", len(s.ran), c.tasks)
			}
			if c.field == "" {
				return
			}
			data, err := os.ReadFile(filepath.Join(s.store, "wf-sim", c.step, "state.json"))
			if err != nil {
				t.Fatal(err)
			}
			var st struct{ Fields map[string]json.RawMessage }
			if err := json.Unmarshal(data, &st); err != nil {
				t.Fatal(err)
			}
			if got := string(st.Fields[c.field]); got != c.want {
				t.Errorf("%s.%s = %s, want %s", c.step, c.field, got, c.want)
			}
		})
	}
}

// TestSimulateShapes runs the graph-shape flows and checks what their last steps computed.
func TestSimulateShapes(t *testing.T) {
	cases := []struct {
		name, step, artifact, want string
	}{
		{"linear", "end", "x", `2`},
		{"split", "join", "vs", `["a", "b", "c"]`},
		{"foreach", "end", "total", `14`},
		{"foreach_multistep", "end", "lines", `["a=2", "bb=4", "ccc=6"]`},
		{"nested_foreach", "end", "word", `"` + strings.Repeat("fghijk", 6) + `"`},
		{"split_in_foreach", "end", "total", `53`},
		{"foreach_in_split", "fan_join", "v", `2`},
		{"modern", "join", "kinds", `["small", "small", "big", "big", "big"]`},
		{"realworld", "start", "depth", `null`},
		{"inherited/flow.py", "train", "score", `300`},
		{"init", "gather", "lines", `["worker 0 says HELLO!", "worker 1 says hello...", "worker 2 says HELLO!"]`},
	}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(c.name, "/flow.py"), func(t *testing.T) {
			s := simulate(t, filepath.Join("..", "..", "testdata", "python", filepath.FromSlash(c.name)), nil)
			got := s.artifact(c.step, c.artifact)
			if got != c.want {
				t.Errorf("%s.%s = %s, want %s", c.step, c.artifact, got, c.want)
			}
		})
	}
}

// artifact reads one artifact of a top-level step's state with the runtime's dump command.
func (s *simulator) artifact(step, name string) string {
	cmd := exec.Command(s.python, "-m", "flowc_runtime", "dump", filepath.Join(s.store, "wf-sim", step), "--flow", "flow.py")
	cmd.Dir, cmd.Env = s.app, s.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("dump %s: %v\n%s", step, err, out)
	}
	var st struct {
		Artifacts map[string]json.RawMessage `json:"artifacts"`
	}
	if err := json.Unmarshal(out, &st); err != nil {
		s.t.Fatalf("dump %s: %v\n%s", step, err, out)
	}
	v, ok := st.Artifacts[name]
	if !ok {
		s.t.Fatalf("%s has no artifact %q: %s", step, name, out)
	}
	var x any
	json.Unmarshal(v, &x)
	b, _ := json.Marshal(x)
	return strings.ReplaceAll(strings.ReplaceAll(string(b), ",", ", "), ":", ": ")
}
