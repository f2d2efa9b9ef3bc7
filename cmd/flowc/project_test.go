package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestProjectBranch runs a flow under @project as Metaflow's local run would: on the user's
// branch by default, test.NAME with --branch, prod with --production, prod.NAME with both; a
// branch Metaflow would refuse is a usage error.
func TestProjectBranch(t *testing.T) {
	needPython(t)
	dir := absPath(t, "..", "..", "testdata", "runs", "project")
	t.Setenv("USER", "ada")
	t.Setenv("FLOWC_BRANCH", "")
	for _, c := range []struct {
		args   []string
		branch string
		prod   bool
	}{
		{nil, "user.ada", false},
		{[]string{"--branch", "feature_1"}, "test.feature_1", false},
		{[]string{"--production"}, "prod", true},
		{[]string{"--production", "--branch", "v2"}, "prod.v2", true},
	} {
		runs := t.TempDir()
		out, errs, code := flowcIn(t, dir, append([]string{"run", "--runs-dir", runs, "flow.py"}, c.args...)...)
		if code != 0 {
			t.Fatalf("flowc run %v: exit %d\n%s%s", c.args, code, out, errs)
		}
		got := showJSON(t, dir, runs, runID(t, out), "start")
		want := decode(t, fmt.Sprintf(`{"branch_name": %q, "is_production": %v, "project_flow_name": %q}`,
			c.branch, c.prod, "demo_project."+c.branch+".ProjectFlow"))
		for _, k := range []string{"branch_name", "is_production", "project_flow_name"} {
			sameJSON(t, fmt.Sprint(c.args, " ", k), got.(map[string]any)[k], want.(map[string]any)[k])
		}
	}
	_, errs, code := flowcIn(t, dir, "run", "--runs-dir", t.TempDir(), "flow.py", "--branch", "Feature-1")
	if want := `flowc: --branch "Feature-1": a branch name is at most 128 lowercase letters, digits and underscores`; code != 2 || !strings.Contains(errs, want) {
		t.Errorf("--branch Feature-1: exit %d, stderr %q; want 2 and %q", code, errs, want)
	}
}
