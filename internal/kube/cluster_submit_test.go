package kube

import (
	"context"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

func TestClusterSubmit(t *testing.T) {
	e := newClusterEnv(t)
	file, name := e.flow(3, false)
	_, stderr := e.mustFlowc(1, "submit", file, "--param", "count=5")
	if want := `flowc: no WorkflowTemplate "` + name + `" in namespace "default": run flowc apply first` + "\n"; stderr != want {
		t.Errorf("before apply: got %q, want %q", stderr, want)
	}
	e.mustFlowc(0, "apply", file)

	out, _ := e.mustFlowc(0, "submit", file, "--param", "count=5")
	wfs := e.workflows("default", name)
	if len(wfs) != 1 {
		t.Fatalf("%d workflows, want 1", len(wfs))
	}
	wf := wfs[0]
	if want := "workflow.argoproj.io/" + wf.GetName() + " submitted\n"; out != want {
		t.Errorf("stdout %q, want %q", out, want)
	}
	if wf.GetGenerateName() != name+"-" {
		t.Errorf("generateName %q", wf.GetGenerateName())
	}
	tmplLabels := e.get("WorkflowTemplate", "default", name).GetLabels()
	for _, k := range []string{"app.kubernetes.io/managed-by", "flowc.dev/flow"} {
		if wf.GetLabels()[k] == "" || wf.GetLabels()[k] != tmplLabels[k] {
			t.Errorf("label %s: workflow %q, template %q", k, wf.GetLabels()[k], tmplLabels[k])
		}
	}
	ref, _, _ := unstructured.NestedString(wf.Object, "spec", "workflowTemplateRef", "name")
	params, _, _ := unstructured.NestedSlice(wf.Object, "spec", "arguments", "parameters")
	if want := []any{map[string]any{"name": "count", "value": "5"}}; ref != name || !reflect.DeepEqual(params, want) {
		t.Errorf("spec: workflowTemplateRef %q, parameters %v; want %q, %v (the given values only)", ref, params, name, want)
	}

	// Bad values and unknown names create nothing.
	_, stderr = e.mustFlowc(1, "submit", file, "--param", "count=many", "--param", "colour=red")
	if !strings.Contains(stderr, `parameter "count" must be of type int: "many" is not`) || !strings.Contains(stderr, `unknown parameter "colour"`) {
		t.Errorf("stderr: %s", stderr)
	}
	if n := len(e.workflows("default", name)); n != 1 {
		t.Errorf("%d workflows after a bad submit, want still 1", n)
	}

	// Applied in default only: the team context does not see it. Nobody may not even look.
	_, stderr = e.mustFlowc(1, "submit", file, "--context", "team")
	if !strings.Contains(stderr, `in namespace "team": run flowc apply first`) {
		t.Errorf("team: %s", stderr)
	}
	_, stderr = e.mustFlowc(1, "submit", file, "--context", "nobody")
	if !strings.Contains(stderr, `forbidden: User "nobody" cannot get resource "workflowtemplates" in API group "argoproj.io" in the namespace "default"`) {
		t.Errorf("nobody: %s", stderr)
	}
}

// --wait follows the phases that the test sets in place of Argo's controller.
func TestClusterSubmitWait(t *testing.T) {
	e := newClusterEnv(t)
	file, _ := e.flow(3, false)
	e.mustFlowc(0, "apply", file)
	for _, tc := range []struct {
		final, message string
		code           int
		stderr         string
	}{
		{"Succeeded", "", 0, ""},
		{"Failed", "child 'start' failed", 1, "failed: child 'start' failed"},
	} {
		e.followRun(e.command("submit", file, "--wait", "--timeout", "60s"), "default", tc.final, tc.message, tc.code, tc.stderr)
	}
}

// followRun runs a submit --wait, moves its Workflow through Running to final, and checks what
// flowc printed and its exit code.
func (e *clusterEnv) followRun(cmd *exec.Cmd, ns, final, message string, code int, wantStderr string) {
	t := e.t
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	out := lines(t, stdout)
	first := next(t, out)
	wf, ok := strings.CutSuffix(strings.TrimPrefix(first, "workflow.argoproj.io/"), " submitted")
	if !ok {
		t.Fatalf("first line %q", first)
	}
	e.setPhase(ns, wf, "Running", "")
	if l := next(t, out); l != "workflow.argoproj.io/"+wf+" Running" {
		t.Errorf("got %q, want the Running phase", l)
	}
	e.setPhase(ns, wf, final, message)
	if l := next(t, out); l != "workflow.argoproj.io/"+wf+" "+final {
		t.Errorf("got %q, want the %s phase", l, final)
	}
	for range out {
	}
	err = cmd.Wait()
	got := 0
	if ee, ok := err.(*exec.ExitError); ok {
		got = ee.ExitCode()
	}
	if got != code || !strings.Contains(stderr.String(), wantStderr) {
		t.Errorf("%s: exit %d, stderr %q; want exit %d, stderr with %q", final, got, stderr.String(), code, wantStderr)
	}
}

func TestClusterSubmitWaitTimeout(t *testing.T) {
	e := newClusterEnv(t)
	file, _ := e.flow(3, false)
	e.mustFlowc(0, "apply", file)
	out, stderr := e.mustFlowc(1, "submit", file, "--wait", "--timeout", "2s")
	wf := strings.TrimSuffix(strings.TrimSpace(out), " submitted")
	want := "flowc: timed out after 2s waiting for " + wf + " (phase: none yet: is Argo's workflow controller running?)\n"
	if stderr != want {
		t.Errorf("got  %q\nwant %q", stderr, want)
	}
}

// A user who may read Workflows but not watch them: --wait polls instead.
func TestClusterSubmitWaitPolls(t *testing.T) {
	e := newClusterEnv(t)
	file, name := e.flow(3, false)
	e.mustFlowc(0, "apply", file, "-n", "team")
	e.grant("team", name, []any{
		rule("workflowtemplates", "get"),
		rule("workflows", "get", "create"),
	})
	e.followRun(e.command("submit", file, "--context", "nobody", "-n", "team", "--wait", "--timeout", "60s"),
		"team", "Succeeded", "", 0, "")
}

func rule(resource string, verbs ...string) any {
	var vs []any
	for _, v := range verbs {
		vs = append(vs, v)
	}
	return map[string]any{"apiGroups": []any{argoGroup}, "resources": []any{resource}, "verbs": vs}
}

// grant gives user "nobody" a Role in ns, named name, for the test's lifetime.
func (e *clusterEnv) grant(ns, name string, rules []any) {
	rbac := func(res string) interface {
		Create(context.Context, *unstructured.Unstructured, metav1.CreateOptions, ...string) (*unstructured.Unstructured, error)
		Delete(context.Context, string, metav1.DeleteOptions, ...string) error
	} {
		return e.admin.dyn.Resource(schema.GroupVersionResource{Group: "rbac.authorization.k8s.io", Version: "v1", Resource: res}).Namespace(ns)
	}
	role := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
		"metadata": map[string]any{"name": name}, "rules": rules,
	}}
	binding := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
		"metadata": map[string]any{"name": name},
		"roleRef":  map[string]any{"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": name},
		"subjects": []any{map[string]any{"apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": "nobody"}},
	}}
	for _, o := range []struct {
		res string
		obj *unstructured.Unstructured
	}{{"roles", role}, {"rolebindings", binding}} {
		if _, err := rbac(o.res).Create(e.ctx, o.obj, metav1.CreateOptions{}); err != nil {
			e.t.Fatal(err)
		}
		e.t.Cleanup(func() { rbac(o.res).Delete(context.Background(), name, metav1.DeleteOptions{}) })
	}
}
