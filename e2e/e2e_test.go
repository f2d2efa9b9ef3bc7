// Package e2e runs compiled flows on a real Argo Workflows v4.0.5 on a real single-node
// Kubernetes, from images flowc builds, with state in a real S3 (SeaweedFS): the cluster that
// hack/e2e/up.sh brings up. The tests skip unless up.sh's variables are set, and must run where
// the cluster is reachable:
//
//	eval "$(hack/e2e/up.sh)"
//	$FLOWC_E2E_EXEC go test -count=1 ./e2e/
//	hack/e2e/down.sh
package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// cluster is what up.sh exported.
type cluster struct {
	ns, repo, base, filer string
	goImage, goRuntime    string // Go flows' builder and runtime images
	goproxy               string // a module proxy the image builds reach
}

var (
	flowcBin string // built once by TestMain
	root     string // the repository root
	cl       cluster
)

func TestMain(m *testing.M) {
	cl = cluster{
		ns:    os.Getenv("FLOWC_E2E_NAMESPACE"),
		repo:  os.Getenv("FLOWC_E2E_IMAGE_REPO"),
		base:  os.Getenv("FLOWC_E2E_BASE_IMAGE"),
		filer: os.Getenv("FLOWC_E2E_S3_FILER"),

		goImage:   os.Getenv("FLOWC_E2E_GO_IMAGE"),
		goRuntime: os.Getenv("FLOWC_E2E_GO_RUNTIME_IMAGE"),
		goproxy:   os.Getenv("FLOWC_E2E_GOPROXY"),
	}
	wd, _ := os.Getwd()
	root = filepath.Dir(wd)
	if cl.ns == "" || cl.repo == "" || cl.base == "" || cl.filer == "" || os.Getenv("BUILDKIT_HOST") == "" {
		fmt.Println("e2e: no cluster (run eval \"$(hack/e2e/up.sh)\" first); the tests skip")
		os.Exit(m.Run())
	}
	tmp, err := os.MkdirTemp("", "flowc-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	flowcBin = filepath.Join(tmp, "flowc")
	// flowc-kube goes beside flowc: apply, submit and logs run it.
	build := exec.Command("go", "build", "-o", tmp+string(filepath.Separator), "./cmd/flowc", "./cmd/flowc-kube")
	build.Dir, build.Stdout, build.Stderr = root, os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building flowc:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(tmp)
	os.Exit(code)
}

// need skips t without a cluster, and checks that the cluster is reachable from here.
func need(t *testing.T) {
	t.Helper()
	if flowcBin == "" {
		t.Skip("no cluster: eval \"$(hack/e2e/up.sh)\" first")
	}
	resp, err := http.Get(cl.filer + "/")
	if err != nil {
		t.Fatalf("the cluster's S3 filer %s is unreachable (%v): run the suite inside its network namespace: $FLOWC_E2E_EXEC go test ./e2e/", cl.filer, err)
	}
	resp.Body.Close()
}

// result is what one flowc command did.
type result struct {
	stdout, stderr string
	err            error
}

// flowc runs the flowc binary from the repository root.
func flowc(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(flowcBin, args...)
	cmd.Dir = root
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	return result{out.String(), errb.String(), err}
}

// compileFlags are the image flags every build and apply of the suite uses.
func compileFlags(base string) []string {
	return []string{"--image-repo", cl.repo, "--base-image", base}
}

var (
	deployMu sync.Mutex
	built    = map[string]bool{}
)

// deploy builds and pushes a flow's image and applies its template.
func deploy(t *testing.T, flow, base string) {
	t.Helper()
	deployWith(t, flow, nil, compileFlags(base)...)
}

// deployWith builds and pushes a flow's image with flowc build's own flags buildFlags and the
// image flags flags (once per flow and flags), and applies its template with flags. It applies
// every time: a Python and a Go flow of one shape have the same template name, and the other
// may have been applied since.
func deployWith(t *testing.T, flow string, buildFlags []string, flags ...string) {
	t.Helper()
	deployMu.Lock()
	defer deployMu.Unlock()
	key := flow + "\x00" + strings.Join(flags, "\x00")
	t0 := time.Now()
	if !built[key] {
		args := append(append([]string{"build", flow, "--push"}, buildFlags...), flags...)
		r := flowc(t, args...)
		if r.err != nil {
			t.Fatalf("flowc build %s: %v\n%s", flow, r.err, r.stderr)
		}
		t.Logf("built %s in %s: %s", flow, time.Since(t0).Round(100*time.Millisecond), strings.TrimSpace(r.stdout))
		built[key] = true
	}
	r := flowc(t, append([]string{"apply", flow, "-n", cl.ns}, flags...)...)
	if r.err != nil {
		t.Fatalf("flowc apply %s: %v\n%s%s", flow, r.err, r.stdout, r.stderr)
	}
	t.Logf("deployed %s in %s: %s", flow, time.Since(t0).Round(time.Second), strings.TrimSpace(r.stdout))
}

var submitted = regexp.MustCompile(`(?m)^workflow\.argoproj\.io/(\S+) submitted$`)

// run is one submitted run: its Workflow's name and what flowc submit --wait printed.
type run struct {
	name string
	result
}

// submit starts a run of an applied flow and waits for it to end.
func submit(t *testing.T, flow string, params ...string) run {
	t.Helper()
	args := []string{"submit", flow, "-n", cl.ns, "--wait", "--timeout", "15m"}
	for _, p := range params {
		args = append(args, "--param", p)
	}
	t0 := time.Now()
	r := flowc(t, args...)
	m := submitted.FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("flowc submit %s printed no workflow name: %v\n%s%s", flow, r.err, r.stdout, r.stderr)
	}
	t.Logf("%s: %s in %s", flow, m[1], time.Since(t0).Round(time.Second))
	return run{m[1], r}
}

// succeeded submits a run and fails t unless it succeeded.
func succeeded(t *testing.T, flow string, params ...string) run {
	t.Helper()
	r := submit(t, flow, params...)
	if r.err != nil || !strings.Contains(r.stdout, "workflow.argoproj.io/"+r.name+" Succeeded") {
		t.Fatalf("run %s of %s did not succeed: %v\n%s%s", r.name, flow, r.err, r.stdout, r.stderr)
	}
	return r
}

// readS3 reads the file a step of a run stored under its key "<run>/<step>" in S3.
func readS3(t *testing.T, run, step, file string) (url string, data []byte) {
	t.Helper()
	url = cl.filer + "/" + run + "/" + step + "/" + file
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	data, _ = io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	return url, data
}

// artifacts reads the state a step of a run stored in S3 (the key "<run>/<step>" of a step
// outside any foreach) and returns its artifacts as JSON values (other values as their str()).
func artifacts(t *testing.T, run, step string) map[string]any {
	t.Helper()
	url, data := readS3(t, run, step, "state.pkl")
	const decode = `import json, pickle, sys
d = pickle.load(sys.stdin.buffer)
assert d["format"] == "flowc-state", d.get("format")
print(json.dumps({k: pickle.loads(v) for k, v in d["artifacts"].items()}, default=str))`
	cmd := exec.Command("python3", "-c", decode)
	cmd.Env = append(os.Environ(), "PYTHONPATH="+filepath.Join(root, "internal", "runtime", "python", "files"))
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("decoding %s: %v", url, err)
	}
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("decoding %s: %v", url, err)
	}
	return m
}

// equal fails t when an artifact's JSON value is not want's.
func equal(t *testing.T, arts map[string]any, name string, want any) {
	t.Helper()
	got, _ := json.Marshal(arts[name])
	w, _ := json.Marshal(want)
	if string(got) != string(w) {
		t.Errorf("artifact %s = %s, want %s", name, got, w)
	}
}
