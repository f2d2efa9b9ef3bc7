package kube

// The tests in this file run flowc against a real kube-apiserver with Argo's CRDs, started by
// hack/cluster/start.sh (make cluster-test). They are skipped unless FLOWC_TEST_KUBECONFIG names
// that cluster's kubeconfig, whose contexts are "admin" (current, namespace default), "team"
// (admin in namespace team) and "nobody" (a user without any RBAC grant).

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/dynamic"
)

// clusterEnv is one test's view of the cluster: a directory for its flows, where flowc runs, and
// an admin connection to look at what flowc did.
type clusterEnv struct {
	t          *testing.T
	ctx        context.Context
	kubeconfig string
	dir        string
	admin      *client
}

func newClusterEnv(t *testing.T) *clusterEnv {
	kc := os.Getenv("FLOWC_TEST_KUBECONFIG")
	if kc == "" {
		t.Skip("no test cluster: FLOWC_TEST_KUBECONFIG is not set (make cluster-test starts one)")
	}
	c, err := Load(Flags{Kubeconfig: kc, Context: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	cl, err := c.connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return &clusterEnv{t: t, ctx: ctx, kubeconfig: kc, dir: t.TempDir(), admin: cl}
}

// TestMain removes the flowc binary that the cluster tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	if flowcBuild.path != "" {
		os.RemoveAll(filepath.Dir(flowcBuild.path))
	}
	os.Exit(code)
}

var flowcBuild struct {
	once sync.Once
	path string
	err  error
}

// flowcBinary builds cmd/flowc, and beside it the flowc-kube that its apply, submit and logs
// start, once per test run: the tests drive the real command line.
func flowcBinary(t *testing.T) string {
	flowcBuild.once.Do(func() {
		dir, err := os.MkdirTemp("", "flowc-kube-test-")
		if err != nil {
			flowcBuild.err = err
			return
		}
		flowcBuild.path = filepath.Join(dir, "flowc")
		out, err := exec.Command("go", "build", "-o", dir+string(filepath.Separator), "../../cmd/flowc", "../../cmd/flowc-kube").CombinedOutput()
		if err != nil {
			flowcBuild.err = fmt.Errorf("go build ./cmd/flowc ./cmd/flowc-kube: %v\n%s", err, out)
		}
	})
	if flowcBuild.err != nil {
		t.Fatal(flowcBuild.err)
	}
	return flowcBuild.path
}

// command is flowc with args, run in the test's directory with the cluster's kubeconfig.
func (e *clusterEnv) command(args ...string) *exec.Cmd {
	cmd := exec.CommandContext(e.ctx, flowcBinary(e.t), args...)
	cmd.Dir = e.dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "KUBECONFIG=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "KUBECONFIG="+e.kubeconfig)
	return cmd
}

// flowc runs flowc to its end and returns its output and exit code.
func (e *clusterEnv) flowc(args ...string) (stdout, stderr string, code int) {
	e.t.Helper()
	var out, errOut strings.Builder
	cmd := e.command(args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		e.t.Fatal(err)
	}
	e.t.Logf("flowc %s\n  exit %d\n  stdout: %s\n  stderr: %s", strings.Join(args, " "), code, out.String(), errOut.String())
	return out.String(), errOut.String(), code
}

// mustFlowc runs flowc and fails the test unless it exits with code.
func (e *clusterEnv) mustFlowc(code int, args ...string) (stdout, stderr string) {
	e.t.Helper()
	stdout, stderr, got := e.flowc(args...)
	if got != code {
		e.t.Fatalf("flowc %s: exit %d, want %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), got, code, stdout, stderr)
	}
	return stdout, stderr
}

// flow writes a flow with a name unique to this run (so that reruns against a long-lived cluster
// do not meet old objects) and returns its file and object name. count is the default of its
// int parameter; schedule adds @schedule, so that apply makes a CronWorkflow too.
func (e *clusterEnv) flow(count int, schedule bool) (file, name string) {
	var b [4]byte
	rand.Read(b[:])
	class := "Flow" + hex.EncodeToString(b[:])
	name = strings.ToLower(class)
	e.writeFlow(class, count, schedule)
	e.t.Cleanup(func() { e.deleteAll(name) })
	return class + ".py", name
}

func (e *clusterEnv) writeFlow(class string, count int, schedule bool) {
	deco := ""
	if schedule {
		deco = "@schedule(cron=\"0 3 * * *\")\n"
	}
	src := fmt.Sprintf(`from metaflow import FlowSpec, Parameter, schedule, step


%sclass %s(FlowSpec):
    count = Parameter("count", type=int, default=%d)
    who = Parameter("who", default="world")

    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        pass
`, deco, class, count)
	if err := os.WriteFile(filepath.Join(e.dir, class+".py"), []byte(src), 0o644); err != nil {
		e.t.Fatal(err)
	}
}

// resource is the admin's client of an Argo kind in namespace ns.
func (e *clusterEnv) resource(kind, ns string) dynamic.ResourceInterface {
	e.t.Helper()
	ri, err := e.admin.resource(e.ctx, argoKind(kind), ns)
	if err != nil {
		e.t.Fatal(err)
	}
	return ri
}

// get reads an object; nil when there is none.
func (e *clusterEnv) get(kind, ns, name string) *unstructured.Unstructured {
	e.t.Helper()
	obj, err := e.resource(kind, ns).Get(e.ctx, name, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		return nil
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return obj
}

// workflows lists the Workflows of a flow in ns.
func (e *clusterEnv) workflows(ns, name string) []unstructured.Unstructured {
	e.t.Helper()
	list, err := e.resource("Workflow", ns).List(e.ctx, metav1.ListOptions{LabelSelector: templateLabel + "=" + name})
	if err != nil {
		e.t.Fatal(err)
	}
	return list.Items
}

// deleteAll removes what the tests made of a flow, in the namespaces they use.
func (e *clusterEnv) deleteAll(name string) {
	ctx := context.Background() // the test's context is done by cleanup time
	for _, ns := range []string{"default", "team"} {
		for _, kind := range []string{"WorkflowTemplate", "CronWorkflow"} {
			if ri, err := e.admin.resource(ctx, argoKind(kind), ns); err == nil {
				ri.Delete(ctx, name, metav1.DeleteOptions{})
			}
		}
		if ri, err := e.admin.resource(ctx, argoKind("Workflow"), ns); err == nil {
			ri.DeleteCollection(ctx, metav1.DeleteOptions{}, metav1.ListOptions{LabelSelector: templateLabel + "=" + name})
		}
	}
}

// setPhase plays Argo's workflow controller, which the test cluster does not run.
func (e *clusterEnv) setPhase(ns, name, phase, message string) {
	e.t.Helper()
	ri := e.resource("Workflow", ns)
	obj, err := ri.Get(e.ctx, name, metav1.GetOptions{})
	if err != nil {
		e.t.Fatal(err)
	}
	unstructured.SetNestedField(obj.Object, phase, "status", "phase")
	unstructured.SetNestedField(obj.Object, message, "status", "message")
	if _, err := ri.Update(e.ctx, obj, metav1.UpdateOptions{}); err != nil {
		e.t.Fatal(err)
	}
}

// lines reads a running command's stdout line by line.
func lines(t *testing.T, r io.Reader) <-chan string {
	ch := make(chan string, 16)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			t.Logf("stdout: %s", sc.Text())
			ch <- sc.Text()
		}
	}()
	return ch
}

// next waits for the next line of output.
func next(t *testing.T, ch <-chan string) string {
	t.Helper()
	select {
	case l, ok := <-ch:
		if !ok {
			t.Fatal("flowc's output ended")
		}
		return l
	case <-time.After(30 * time.Second):
		t.Fatal("no output from flowc within 30s")
	}
	return ""
}
