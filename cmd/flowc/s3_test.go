package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// s3Bucket points flowc (and the Python client) at the bucket "flowc" on the test's S3 server,
// started by hack/s3/up.sh, through the variables a user sets; it returns the bucket and a key
// prefix of the test's own. It skips the test without a server.
func s3Bucket(t *testing.T) (c *minio.Client, bucket, prefix string) {
	t.Helper()
	ep := os.Getenv("FLOWC_TEST_S3_ENDPOINT")
	if ep == "" {
		t.Skip("no S3 server: eval \"$(hack/s3/up.sh)\" first (FLOWC_TEST_S3_ENDPOINT)")
	}
	u, err := url.Parse(ep)
	if err != nil {
		t.Fatal(err)
	}
	key, secret := os.Getenv("FLOWC_TEST_S3_ACCESS_KEY"), os.Getenv("FLOWC_TEST_S3_SECRET_KEY")
	c, err = minio.New(u.Host, &minio.Options{Creds: credentials.NewStaticV4(key, secret, ""), Region: "us-east-1"})
	if err != nil {
		t.Fatal(err)
	}
	bucket = "flowc"
	var b [4]byte
	_, _ = rand.Read(b[:])
	prefix = "test-" + hex.EncodeToString(b[:])
	if ok, err := c.BucketExists(context.Background(), bucket); err != nil || !ok {
		if err := c.MakeBucket(context.Background(), bucket, minio.MakeBucketOptions{}); err != nil {
			t.Fatalf("creating bucket %s at %s: %v", bucket, ep, err)
		}
	}
	for k, v := range map[string]string{
		"FLOWC_S3_ENDPOINT": ep, "AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": secret,
		"AWS_SESSION_TOKEN": "", "AWS_REGION": "us-east-1", "FLOWC_S3_PREFIX": "", "FLOWC_RUNS_DIR": "",
		"FLOWC_S3_BUCKET": "", "AWS_ENDPOINT_URL": "", "AWS_ENDPOINT_URL_S3": "",
	} {
		t.Setenv(k, v)
	}
	return c, bucket, prefix
}

// uploadState copies a local run's state into the bucket as Argo's pods leave it: the local
// layout state/<step>/<i>/... is the pod's <workflow>/<step>/<i>/... (stepcmd.StatePath); suffix
// ends each step's segment (".state" on GCS and Azure); skip leaves steps out, as a run that
// failed before them.
func uploadState(t *testing.T, c *minio.Client, bucket, runDir, workflow, suffix string, skip ...string) {
	t.Helper()
	state := filepath.Join(runDir, "state")
	err := filepath.WalkDir(state, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(state, p)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		for _, s := range skip {
			if parts[0] == s {
				return nil
			}
		}
		parts[0] += suffix
		_, err = c.FPutObject(context.Background(), bucket, workflow+"/"+strings.Join(parts, "/"), p, minio.PutObjectOptions{})
		return err
	})
	if err != nil {
		t.Fatalf("uploading %s: %v", state, err)
	}
}

// TestClusterRunsFromS3 reads runs kept in an S3 artifact repository, laid out as the Argo
// manifests' key-only artifacts leave them, through flowc runs/show and through the Python
// client API: a run that succeeded, the same on GCS's layout, and one whose end step never ran.
func TestClusterRunsFromS3(t *testing.T) {
	needPython(t)
	c, bucket, prefix := s3Bucket(t)
	dir := absPath(t, "..", "..", "testdata", "runs", "foreach")
	files := absPath(t, "..", "..", "internal", "runtime", "python", "files")
	runs := t.TempDir()
	out, errs, code := flowcIn(t, dir, "run", "--runs-dir", runs, "flow.py")
	if code != 0 {
		t.Fatalf("flowc run: exit %d\n%s%s", code, out, errs)
	}
	local := runID(t, out)
	runDir := filepath.Join(runs, local)
	uploadState(t, c, bucket, runDir, prefix+"/foreachflow-a1", "")
	uploadState(t, c, bucket, runDir, prefix+"/foreachflow-b2", ".state")
	uploadState(t, c, bucket, runDir, prefix+"/foreachflow-c3", "", "end")
	loc := "s3://" + bucket + "/" + prefix

	var listed []struct{ ID, Flow, Status string }
	decodeOut(t, dir, &listed, "runs", "--runs-dir", loc, "-o", "json")
	want := []struct{ ID, Flow, Status string }{
		{"foreachflow-c3", "", "incomplete"}, {"foreachflow-b2", "ForeachFlow", "succeeded"}, {"foreachflow-a1", "ForeachFlow", "succeeded"},
	}
	if !sameRuns(listed, want) {
		t.Errorf("flowc runs = %+v, want %+v (newest first)", listed, want)
	}

	var run struct {
		Status  string
		Steps   []string
		Summary []struct {
			Step  string
			Tasks int
		}
	}
	decodeOut(t, dir, &run, "show", "--runs-dir", loc, "foreachflow-a1", "-o", "json")
	// Steps are in the order they finished; these were uploaded in the same second, so only the
	// first and the last are certain.
	if steps := strings.Join(run.Steps, " "); run.Status != "succeeded" || (steps != "start square join end" && steps != "start join square end") {
		t.Errorf("flowc show foreachflow-a1 = %+v, want succeeded, steps start, square and join, end", run)
	}
	for _, s := range run.Summary {
		if want := map[string]int{"square": 3}[s.Step]; s.Tasks != max(want, 1) {
			t.Errorf("flowc show foreachflow-a1: step %s has %d tasks, want %d", s.Step, s.Tasks, max(want, 1))
		}
	}
	// The repository named by FLOWC_S3_BUCKET answers for a run no local runs directory has.
	t.Setenv("FLOWC_S3_BUCKET", bucket)
	t.Setenv("FLOWC_S3_PREFIX", prefix)
	for _, wf := range []string{"foreachflow-a1", "foreachflow-b2", "foreachflow-c3"} {
		sameJSON(t, wf+" square sq", showJSON(t, dir, filepath.Join(runs, "none"), wf, "square", "sq"), showJSON(t, dir, runs, local, "square", "sq"))
		sameJSON(t, wf+" join", showJSON(t, dir, filepath.Join(runs, "none"), wf, "join"), decode(t, `{"items": [3, 1, 2], "squares": [9, 1, 4], "total": 14}`))
	}
	_, errs, code = flowcIn(t, dir, "show", "--runs-dir", filepath.Join(runs, "none"), "foreachflow-x9")
	if wantErr := `no run "foreachflow-x9" in ` + filepath.Join(runs, "none") + ` (flowc runs lists them), nor in ` + loc + " ($FLOWC_S3_BUCKET)"; code != 1 || !strings.Contains(errs, wantErr) {
		t.Errorf("show of a missing run: exit %d, stderr %q; want 1 and %q", code, errs, wantErr)
	}

	clientPrints(t, files, `from metaflow import Flow, Run, get_metadata
print(get_metadata())
f = Flow("ForeachFlow")
print([r.id for r in f], f.latest_run.id, f.latest_successful_run.id)
run = Run("ForeachFlow/foreachflow-a1")
print(run.successful, run.data.total, [t.data.sq for t in run["square"]], [t.index for t in run["square"]])
steps = [s.id for s in run]  # the last first; join and square finished in the same second here
print(run["join"].task.data.squares, steps[0], steps[-1], sorted(steps))
print(Run("ForeachFlow/foreachflow-c3").successful, Run("ForeachFlow/foreachflow-b2")["start"].task.data.items)
`, loc+`
['foreachflow-c3', 'foreachflow-b2', 'foreachflow-a1'] foreachflow-c3 foreachflow-b2
True 14 [9, 1, 4] [0, 1, 2]
[9, 1, 4] end start ['end', 'join', 'square', 'start']
False [3, 1, 2]
`)
	// In a pod: the repository from FLOWC_S3_BUCKET, the endpoint as host:port with insecure.
	u, _ := url.Parse(os.Getenv("FLOWC_TEST_S3_ENDPOINT"))
	t.Setenv("FLOWC_S3_ENDPOINT", u.Host)
	t.Setenv("FLOWC_S3_INSECURE", "true")
	clientPrints(t, files, `from metaflow import Flow, get_metadata
print(get_metadata(), Flow("ForeachFlow").latest_successful_run.data.squares)
`, loc+" [9, 1, 4]\n")
}

// decodeOut runs flowc in dir and decodes its JSON stdout into v.
func decodeOut(t *testing.T, dir string, v any, args ...string) {
	t.Helper()
	out, errs, code := flowcIn(t, dir, args...)
	if code != 0 {
		t.Fatalf("flowc %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("flowc %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func sameRuns(got, want []struct{ ID, Flow, Status string }) bool {
	return reflect.DeepEqual(got, want)
}

// clientPrints runs a script with the runtime's metaflow package, as a step would import it,
// and compares what it prints.
func clientPrints(t *testing.T, files, script, want string) {
	t.Helper()
	cmd := exec.Command(os.Getenv("FLOWC_PYTHON"), "-c", script)
	cmd.Env = append(os.Environ(), "PYTHONPATH="+files)
	out, err := cmd.CombinedOutput()
	if err != nil || string(out) != want {
		t.Errorf("the client printed (%v):\n%s\nwant:\n%s", err, out, want)
	}
}
