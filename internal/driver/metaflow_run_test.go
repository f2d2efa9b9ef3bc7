package driver_test

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSimulateMetaflow runs the flows that use Metaflow's Config, IncludeFile, custom start and
// end steps and package decorators as Argo would, and checks what their steps computed.
func TestSimulateMetaflow(t *testing.T) {
	cases := []struct {
		name, step, artifact, want string
	}{
		{"config", "end", "mode", `"fast"`},
		{"config", "end", "layers", `3`},
		{"config", "end", "cpu", `2`},
		{"config", "end", "tags", `["a","b"]`},
		{"config", "end", "alpha_seen", `0.5`},
		{"config", "end", "raw_kind", `"dict"`},
		{"include", "end", "header", `"name,score"`},
		{"include", "end", "rows", `2`},
		{"include", "end", "blob_type", `"bytes"`},
		{"include", "end", "blob_len", `4`},
		{"custom_start", "report", "total", `14`},
		{"single_step", "only", "answer", `42`},
	}
	for _, c := range cases {
		t.Run(c.name+"/"+c.artifact, func(t *testing.T) {
			s := simulate(t, filepath.Join("..", "..", "testdata", "python", c.name), nil)
			if got := s.artifactOf("flow.py", c.step, c.artifact); got != c.want {
				t.Errorf("%s.%s = %s, want %s", c.step, c.artifact, got, c.want)
			}
		})
	}
}

// TestTutorials runs the flows shaped like Metaflow's tutorials and checks what they promise.
func TestTutorials(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "metaflow_tutorials")
	s := simulate(t, filepath.Join(dir, "00-helloworld", "helloworld.py"), nil)
	if got := s.artifactOf("helloworld.py", "end", "greeting"); got != `"Metaflow says: Hi!"` {
		t.Errorf("greeting = %s", got)
	}
	s = simulate(t, filepath.Join(dir, "01-playlist", "playlist.py"), map[string]string{"genre": "Drama", "recommendations": "2"})
	if got := s.artifactOf("playlist.py", "end", "playlist"); got != `["Glass Comet","Saltwater Saints"]` {
		t.Errorf("playlist = %s", got)
	}
	if got := s.artifactOf("playlist.py", "end", "bonus"); !strings.Contains(got, "Clockwork Meadow") {
		t.Errorf("bonus = %s", got)
	}
}

// artifactOf reads one artifact of a top-level step's state as compact JSON; flowFile is the
// flow's file name in the build context.
func (s *simulator) artifactOf(flowFile, step, name string) string {
	cmd := exec.Command(s.python, "-m", "flowc_runtime", "dump", filepath.Join(s.store, "wf-sim", step), "--flow", flowFile)
	cmd.Dir, cmd.Env = s.app, s.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("dump %s: %v\n%s", step, err, out)
	}
	var st struct {
		Artifacts map[string]any `json:"artifacts"`
	}
	if err := json.Unmarshal(out, &st); err != nil {
		s.t.Fatalf("dump %s: %v\n%s", step, err, out)
	}
	v, ok := st.Artifacts[name]
	if !ok {
		s.t.Fatalf("%s has no artifact %q: %s", step, name, out)
	}
	b, _ := json.Marshal(v)
	return string(b)
}
