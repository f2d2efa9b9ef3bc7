package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// s3Env points flowc and the Python client at the cluster's artifact repository as a user
// would, with the settings hack/e2e/up.sh gives SeaweedFS (FLOWC_E2E_S3_* override them).
func s3Env(t *testing.T) {
	t.Helper()
	env := func(k, def string) string {
		if v := os.Getenv(k); v != "" {
			return v
		}
		return def
	}
	for k, v := range map[string]string{
		"FLOWC_S3_ENDPOINT":     env("FLOWC_E2E_S3_ENDPOINT", "127.0.0.1:8333"),
		"FLOWC_S3_INSECURE":     "true",
		"FLOWC_S3_BUCKET":       env("FLOWC_E2E_S3_BUCKET", "flowc"),
		"FLOWC_S3_PREFIX":       "",
		"AWS_ACCESS_KEY_ID":     env("FLOWC_E2E_S3_ACCESS_KEY", "flowc"),
		"AWS_SECRET_ACCESS_KEY": env("FLOWC_E2E_S3_SECRET_KEY", "flowc-e2e-secret"),
		"AWS_SESSION_TOKEN":     "",
		"AWS_REGION":            "us-east-1",
		"FLOWC_RUNS_DIR":        "",
	} {
		t.Setenv(k, v)
	}
}

// TestClientReadsClusterRun reads a run made on the cluster back from the artifact repository:
// through `flowc show WORKFLOW [STEP [ARTIFACT]]` and through Metaflow's client API.
func TestClientReadsClusterRun(t *testing.T) {
	need(t)
	s3Env(t)
	const flow = "testdata/python/foreach/flow.py"
	deploy(t, flow, cl.base)
	r := succeeded(t, flow)

	var total int
	showJSON(t, &total, "show", r.name, "join", "total", "-o", "json")
	if total != 14 {
		t.Errorf("flowc show %s join total = %d, want 14", r.name, total)
	}
	var rec struct {
		Status  string
		Flow    string
		Summary []struct {
			Step  string
			Tasks int
		}
	}
	showJSON(t, &rec, "show", r.name, "-o", "json")
	tasks := map[string]int{}
	for _, s := range rec.Summary {
		tasks[s.Step] = s.Tasks
	}
	if rec.Status != "succeeded" || rec.Flow != "ForeachFlow" || tasks["square"] != 3 || tasks["end"] != 1 {
		t.Errorf("flowc show %s = %+v, want ForeachFlow succeeded with 3 square tasks", r.name, rec)
	}

	script := `import sys
from metaflow import Flow, Run, metadata
metadata("s3://" + sys.argv[2])
run = Run("ForeachFlow/" + sys.argv[1])
print(run.successful, run.data.total, sorted(t.data.y for t in run["square"]), run["start"].task.data.items)
print(any(r.id == sys.argv[1] for r in Flow("ForeachFlow")))
`
	cmd := exec.Command("python3", "-c", script, r.name, os.Getenv("FLOWC_S3_BUCKET"))
	cmd.Env = append(os.Environ(), "PYTHONPATH="+filepath.Join(root, "internal", "runtime", "python", "files"))
	out, err := cmd.CombinedOutput()
	if want := "True 14 [1, 4, 9] [1, 2, 3]\nTrue\n"; err != nil || string(out) != want {
		t.Errorf("the client API on %s printed (%v):\n%s\nwant:\n%s", r.name, err, out, want)
	}
}

// showJSON runs flowc and decodes its JSON stdout into v.
func showJSON(t *testing.T, v any, args ...string) {
	t.Helper()
	res := flowc(t, args...)
	if res.err != nil {
		t.Fatalf("flowc %s: %v\n%s%s", strings.Join(args, " "), res.err, res.stdout, res.stderr)
	}
	if err := json.Unmarshal([]byte(res.stdout), v); err != nil {
		t.Fatalf("flowc %s: %v\n%s", strings.Join(args, " "), err, res.stdout)
	}
}
