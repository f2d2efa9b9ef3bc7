package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// runCase is a testdata/runs/<case>/expected.json: how to run the case's flow.py and what the
// run must produce.
type runCase struct {
	Args   []string `json:"args"`   // after `flowc run flow.py`
	Exit   int      `json:"exit"`   // flowc run's exit code
	Stdout []string `json:"stdout"` // patterns, each matching a whole line of stdout
	Stderr []string `json:"stderr"` // the same for stderr
	NoRun  bool     `json:"norun"`  // refused when compiled: no run is recorded
	// Steps is, per step, [tasks, state] or [tasks, state, retries, caught] from the run record.
	Steps map[string][]any `json:"steps"`
	// Artifacts is, per step, artifacts that `flowc show RUN STEP -o json` must hold with these
	// values (a step of several tasks: by task id).
	Artifacts map[string]map[string]any `json:"artifacts"`
}

// TestRunCorpus runs each flow under testdata/runs, in the style of Metaflow's own test flows,
// through flowc run from its directory, and checks its output, its steps and its artifacts.
func TestRunCorpus(t *testing.T) {
	needPython(t)
	root := absPath(t, "..", "..", "testdata", "runs")
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		t.Run(d.Name(), func(t *testing.T) {
			dir := filepath.Join(root, d.Name())
			c := readCase(t, filepath.Join(dir, "expected.json"))
			runs := t.TempDir()
			out, errs, code := flowcIn(t, dir, append([]string{"run", "--runs-dir", runs, "flow.py"}, c.Args...)...)
			if code != c.Exit {
				t.Fatalf("flowc run: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, c.Exit, out, errs)
			}
			matchLines(t, "stdout", out, c.Stdout)
			matchLines(t, "stderr", errs, c.Stderr)
			if c.NoRun {
				if entries, _ := os.ReadDir(runs); len(entries) != 0 {
					t.Errorf("a refused flow left a run record: %v", entries)
				}
				return
			}
			id := runID(t, out)
			checkSteps(t, dir, runs, id, c.Steps)
			for step, want := range c.Artifacts {
				got, _ := showJSON(t, dir, runs, id, step).(map[string]any)
				for name, v := range want {
					sameJSON(t, step+"."+name, got[name], v)
				}
			}
		})
	}
}

func readCase(t *testing.T, path string) runCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var c runCase
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return c
}

// matchLines checks that each pattern matches a whole line of text.
func matchLines(t *testing.T, what, text string, patterns []string) {
	t.Helper()
	for _, p := range patterns {
		if !regexp.MustCompile("(?m)" + p).MatchString(text) {
			t.Errorf("no line of %s matches %q:\n%s", what, p, text)
		}
	}
}

// checkSteps compares the run record's summary of each step named in want.
func checkSteps(t *testing.T, dir, runs, id string, want map[string][]any) {
	t.Helper()
	rec, _ := showJSON(t, dir, runs, id).(map[string]any)
	summary, _ := rec["summary"].([]any)
	got := map[string][]any{}
	for _, s := range summary {
		m, _ := s.(map[string]any)
		name, _ := m["step"].(string)
		got[name] = []any{m["tasks"], m["state"], m["retries"], m["caught"]}
	}
	for step, w := range want {
		g, ok := got[step]
		if !ok {
			t.Errorf("the run has no step %q: %v", step, got)
			continue
		}
		sameJSON(t, "step "+step+" [tasks state retries caught]", g[:len(w)], w)
	}
}
