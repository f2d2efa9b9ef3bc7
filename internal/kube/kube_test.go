package kube

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

// kubeconfig writes a kubeconfig whose contexts point at server: "a" in namespace "ns-a"
// (current unless current is given), "b" without a namespace.
func kubeconfig(t *testing.T, server, current string) string {
	t.Helper()
	if current == "" {
		current = "a"
	}
	data := `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {server: "` + server + `"}
users:
- name: alice
  user: {token: t0k3n}
contexts:
- name: a
  context: {cluster: c, user: alice, namespace: ns-a}
- name: b
  context: {cluster: c, user: alice}
current-context: "` + current + `"
`
	p := filepath.Join(t.TempDir(), "config")
	if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// isolate keeps the machine's own kubeconfig and a pod's service account out of a test.
func isolate(t *testing.T) {
	t.Setenv("KUBECONFIG", filepath.Join(t.TempDir(), "none"))
	t.Setenv("KUBERNETES_SERVICE_HOST", "")
	t.Setenv("KUBERNETES_SERVICE_PORT", "")
}

func TestLoadContexts(t *testing.T) {
	isolate(t)
	path := kubeconfig(t, "https://127.0.0.1:6443", "")
	for _, tc := range []struct {
		context, wantContext, wantNS string
	}{
		{"", "a", "ns-a"},     // the current context and its namespace
		{"b", "b", "default"}, // --context; a context without a namespace means "default"
	} {
		c, err := Load(Flags{Kubeconfig: path, Context: tc.context})
		if err != nil {
			t.Fatalf("--context %q: %v", tc.context, err)
		}
		if c.Context != tc.wantContext || c.Namespace != tc.wantNS || c.User != "alice" || c.Server != "https://127.0.0.1:6443" {
			t.Errorf("--context %q: got context %q namespace %q user %q server %q", tc.context, c.Context, c.Namespace, c.User, c.Server)
		}
	}
}

// $KUBECONFIG is a list of files, merged: the first file that sets a value wins.
func TestLoadKubeconfigList(t *testing.T) {
	isolate(t)
	first := kubeconfig(t, "https://127.0.0.1:1111", "b")
	second := kubeconfig(t, "https://127.0.0.1:2222", "a")
	t.Setenv("KUBECONFIG", first+string(os.PathListSeparator)+second)
	c, err := Load(Flags{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Context != "b" || c.Server != "https://127.0.0.1:1111" || c.Namespace != "default" {
		t.Errorf("got context %q server %q namespace %q; want the first file's b, :1111, default", c.Context, c.Server, c.Namespace)
	}
	// --kubeconfig replaces the list.
	c, err = Load(Flags{Kubeconfig: second})
	if err != nil || c.Context != "a" || c.Namespace != "ns-a" {
		t.Errorf("--kubeconfig: got %+v, %v", c, err)
	}
}

func TestLoadErrors(t *testing.T) {
	isolate(t)
	path := kubeconfig(t, "https://127.0.0.1:6443", "")
	noCurrent := kubeconfig(t, "https://127.0.0.1:6443", "")
	data, _ := os.ReadFile(noCurrent)
	os.WriteFile(noCurrent, []byte(strings.Replace(string(data), `current-context: "a"`, "", 1)), 0o600)
	for _, tc := range []struct {
		name string
		f    Flags
		want string
	}{
		{"no kubeconfig", Flags{}, "no kubeconfig found (looked for "},
		{"missing --kubeconfig", Flags{Kubeconfig: filepath.Join(t.TempDir(), "nope")}, "cannot read the kubeconfig: stat "},
		{"unknown context", Flags{Kubeconfig: path, Context: "c"}, `context "c" is not in the kubeconfig (it has contexts "a", "b")`},
		{"no current context", Flags{Kubeconfig: noCurrent}, `the kubeconfig sets no current context: pass --context (it has contexts "a", "b")`},
	} {
		_, err := Load(tc.f)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want %q", tc.name, err, tc.want)
		}
	}
	var nc *NoConfigError
	if _, err := Load(Flags{}); !errors.As(err, &nc) {
		t.Errorf("no kubeconfig: got %T, want *NoConfigError", err)
	}
}

// Nothing listens on port 1: the error names the server and the context, at once.
func TestUnreachable(t *testing.T) {
	isolate(t)
	c, err := Load(Flags{Kubeconfig: kubeconfig(t, "https://127.0.0.1:1", "")})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Apply(context.Background(), nil, ApplyOptions{Namespace: "x"})
	want := `cannot reach the API server at https://127.0.0.1:1 (context "a"): dial tcp 127.0.0.1:1: connect: connection refused`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// A server that accepts connections and never answers fails within the request timeout.
func TestNoAnswer(t *testing.T) {
	isolate(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	c, err := Load(Flags{Kubeconfig: kubeconfig(t, "https://"+ln.Addr().String(), ""), Timeout: 500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = c.Submit(context.Background(), Run{Namespace: "x", Template: "t"})
	if err == nil || !strings.Contains(err.Error(), "(context \"a\"): no answer within 500ms") {
		t.Errorf("got %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %s", d)
	}
}

func TestDecodeAndRef(t *testing.T) {
	objs, err := Decode([]byte("---\napiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: a\nspec:\n  parallelism: 2\n" +
		"---\n---\napiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata:\n  name: b\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(objs) != 2 || Ref(objs[0]) != "workflowtemplate.argoproj.io/a" || Ref(objs[1]) != "cronworkflow.argoproj.io/b" {
		t.Fatalf("got %v", objs)
	}
	if v, _, _ := unstructured.NestedInt64(objs[0].Object, "spec", "parallelism"); v != 2 {
		t.Errorf("parallelism: got %d, want the integer 2", v)
	}
}

func TestAction(t *testing.T) {
	obj := func(rv string, entry string) *unstructured.Unstructured {
		u := &unstructured.Unstructured{Object: map[string]any{"spec": map[string]any{"entrypoint": entry}}}
		u.SetResourceVersion(rv)
		return u
	}
	for _, tc := range []struct {
		before, after *unstructured.Unstructured
		dryRun        bool
		want          string
	}{
		{nil, obj("1", "a"), false, "created"},
		{obj("1", "a"), obj("1", "a"), false, "unchanged"},
		{obj("1", "a"), obj("2", "b"), false, "configured"},
		{nil, obj("", "a"), true, "created"},
		{obj("1", "a"), obj("1", "a"), true, "unchanged"},
		{obj("1", "a"), obj("1", "b"), true, "configured"},
	} {
		if got := action(tc.before, tc.after, tc.dryRun); got != tc.want {
			t.Errorf("action(%v, %v, dryRun=%v) = %s, want %s", tc.before, tc.after, tc.dryRun, got, tc.want)
		}
	}
}

func TestConflictMessage(t *testing.T) {
	st := metav1.Status{Details: &metav1.StatusDetails{Causes: []metav1.StatusCause{
		{Type: metav1.CauseTypeFieldManagerConflict, Message: `conflict with "tool" using argoproj.io/v1alpha1`, Field: ".spec.entrypoint"},
		{Type: metav1.CauseTypeFieldManagerConflict, Message: `conflict with "tool" using argoproj.io/v1alpha1`, Field: ".spec.parallelism"},
		{Type: metav1.CauseTypeFieldManagerConflict, Message: `conflict with "kubectl-edit"`, Field: ".metadata.labels.x"},
	}}}
	want := `conflict with "kubectl-edit": .metadata.labels.x; conflict with "tool" using argoproj.io/v1alpha1: .spec.entrypoint, .spec.parallelism`
	if got := conflicts(st); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestWorkflowObject(t *testing.T) {
	wf := workflow(Run{Namespace: "team", Template: "myflow", Params: []Param{{Name: "count", Value: "5"}}},
		map[string]string{"app.kubernetes.io/managed-by": "flowc", "flowc.dev/flow": "myflow"})
	if wf.GetGenerateName() != "myflow-" || wf.GetNamespace() != "team" || wf.GetName() != "" {
		t.Errorf("metadata: %v", wf.Object["metadata"])
	}
	want := map[string]string{"app.kubernetes.io/managed-by": "flowc", "flowc.dev/flow": "myflow", templateLabel: "myflow"}
	if got := wf.GetLabels(); len(got) != len(want) || got["flowc.dev/flow"] != "myflow" || got[templateLabel] != "myflow" {
		t.Errorf("labels: got %v, want %v", got, want)
	}
	ref, _, _ := unstructured.NestedString(wf.Object, "spec", "workflowTemplateRef", "name")
	params, _, _ := unstructured.NestedSlice(wf.Object, "spec", "arguments", "parameters")
	if ref != "myflow" || len(params) != 1 || params[0].(map[string]any)["value"] != "5" {
		t.Errorf("spec: %v", wf.Object["spec"])
	}
	// Without values the Workflow has no arguments: Argo takes the template's defaults.
	wf = workflow(Run{Namespace: "team", Template: "myflow"}, nil)
	if _, found := wf.Object["spec"].(map[string]any)["arguments"]; found {
		t.Errorf("arguments without parameters: %v", wf.Object["spec"])
	}
}
