package stepcmd_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// pyWriter turns a normalised state (stdin) into a state.pkl (argv[1]), each value pickled.
const pyWriter = `
import json, pickle, sys
from flowc_runtime import state
d = json.load(sys.stdin)
frames = [state.Frame(f["step"], f["var"], f["index"], f["num_splits"], pickle.dumps(f["value"], protocol=4))
          for f in d.get("foreach_stack") or []]
arts = {k: pickle.dumps(v, protocol=4) for k, v in d["artifacts"].items()}
st = state.State("ConformanceFlow", sys.argv[2], arts, {}, frames, d.get("foreach"))
state.write(sys.argv[1], st)
`

// writeState writes a normalised input state into dir in rt's format.
func writeState(t *testing.T, rt *runtime, dir, text string) {
	t.Helper()
	var st state
	if err := json.Unmarshal([]byte(text), &st); err != nil {
		t.Fatalf("input state %s: %v", dir, err)
	}
	if st.Artifacts == nil {
		st.Artifacts = map[string]any{}
	}
	if rt.python != "" {
		cmd := exec.Command(rt.python, "-c", pyWriter, dir, "parent")
		cmd.Dir = rt.dir
		cmd.Stdin = strings.NewReader(text)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("writing %s: %v\n%s", dir, err, out)
		}
		return
	}
	if st.Stack == nil {
		st.Stack = []any{}
	}
	data, err := json.Marshal(map[string]any{
		"format": "flowc-go-state", "version": 1, "flow": "ConformanceFlow", "step": "parent",
		"fields": st.Artifacts, "foreach_stack": st.Stack, "foreach": st.Foreach,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "state.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// readState reads the state a step wrote to dir, normalised.
func readState(t *testing.T, rt *runtime, dir string) state {
	t.Helper()
	var st state
	if rt.python != "" {
		cmd := exec.Command(rt.python, "-m", "flowc_runtime", "dump", dir, "--flow", "flow.py")
		cmd.Dir = rt.dir
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("dump %s: %v", dir, err)
		}
		if err := json.Unmarshal(out, &st); err != nil {
			t.Fatal(err)
		}
		return st
	}
	data, err := os.ReadFile(filepath.Join(dir, "state.json"))
	if err != nil {
		t.Fatalf("no state: %v", err)
	}
	var raw struct {
		Fields  map[string]any `json:"fields"`
		Foreach any            `json:"foreach"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	return state{Artifacts: raw.Fields, Foreach: raw.Foreach}
}

// checkState compares the state in dir with the expected one: the same artifact names (a Go
// state may leave out zero values no step set: its fields cannot tell "set to zero" from
// "never set"), equal values except for the names in present, and the same foreach.
func checkState(t *testing.T, rt *runtime, dir, wantText string) {
	t.Helper()
	var want state
	if err := json.Unmarshal([]byte(wantText), &want); err != nil {
		t.Fatalf("out.json: %v", err)
	}
	got := readState(t, rt, dir)
	present := map[string]bool{}
	for _, n := range want.Present {
		present[n] = true
		if _, ok := got.Artifacts[n]; !ok {
			t.Errorf("artifact %s is missing", n)
		}
	}
	for n, w := range want.Artifacts {
		g, ok := got.Artifacts[n]
		switch {
		case !ok && rt.python == "" && isZero(w):
		case !ok:
			t.Errorf("artifact %s is missing", n)
		case !reflect.DeepEqual(g, w):
			t.Errorf("artifact %s = %v, want %v", n, g, w)
		}
	}
	var extra []string
	for n := range got.Artifacts {
		if _, ok := want.Artifacts[n]; !ok && !present[n] {
			extra = append(extra, n)
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("unexpected artifacts %v", extra)
	}
	if !reflect.DeepEqual(got.Foreach, want.Foreach) {
		t.Errorf("foreach = %v, want %v", got.Foreach, want.Foreach)
	}
}
