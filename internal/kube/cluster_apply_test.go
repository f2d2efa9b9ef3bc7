package kube

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"k8s.io/apimachinery/pkg/api/equality"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/tools/clientcmd"
)

// Create, re-apply unchanged (nothing in the cluster moves), server dry run of a change (nothing
// stored), then the change itself.
func TestClusterApplyLifecycle(t *testing.T) {
	e := newClusterEnv(t)
	file, name := e.flow(3, true)
	out, _ := e.mustFlowc(0, "apply", file)
	want := "workflowtemplate.argoproj.io/" + name + " created\ncronworkflow.argoproj.io/" + name + " created\n"
	if out != want {
		t.Fatalf("first apply: got\n%swant\n%s", out, want)
	}
	tmpl := e.get("WorkflowTemplate", "default", name)
	if tmpl == nil || e.get("CronWorkflow", "default", name) == nil {
		t.Fatal("the objects are not in namespace default")
	}
	if m := tmpl.GetManagedFields(); len(m) != 1 || m[0].Manager != FieldManager || m[0].Operation != metav1.ManagedFieldsOperationApply {
		t.Errorf("managedFields: %+v", m)
	}

	out, _ = e.mustFlowc(0, "apply", file)
	if want := "workflowtemplate.argoproj.io/" + name + " unchanged\ncronworkflow.argoproj.io/" + name + " unchanged\n"; out != want {
		t.Errorf("re-apply: got\n%swant\n%s", out, want)
	}
	again := e.get("WorkflowTemplate", "default", name)
	if again.GetResourceVersion() != tmpl.GetResourceVersion() ||
		!equality.Semantic.DeepEqual(again.GetManagedFields(), tmpl.GetManagedFields()) {
		t.Errorf("an unchanged re-apply changed the object: resourceVersion %s -> %s, managedFields %+v -> %+v",
			tmpl.GetResourceVersion(), again.GetResourceVersion(), tmpl.GetManagedFields(), again.GetManagedFields())
	}

	e.writeFlow(strings.TrimSuffix(file, ".py"), 7, true) // a new default for count
	out, _ = e.mustFlowc(0, "apply", file, "--dry-run=server")
	if want := "workflowtemplate.argoproj.io/" + name + " configured (server dry run)\n" +
		"cronworkflow.argoproj.io/" + name + " unchanged (server dry run)\n"; out != want {
		t.Errorf("server dry run: got\n%swant\n%s", out, want)
	}
	if got := e.get("WorkflowTemplate", "default", name); got.GetResourceVersion() != tmpl.GetResourceVersion() {
		t.Errorf("--dry-run=server stored a change")
	}

	out, _ = e.mustFlowc(0, "apply", file)
	if want := "workflowtemplate.argoproj.io/" + name + " configured\ncronworkflow.argoproj.io/" + name + " unchanged\n"; out != want {
		t.Errorf("apply of the change: got\n%swant\n%s", out, want)
	}
	changed := e.get("WorkflowTemplate", "default", name)
	params, _, _ := unstructured.NestedSlice(changed.Object, "spec", "arguments", "parameters")
	if changed.GetResourceVersion() == tmpl.GetResourceVersion() || len(params) != 2 || params[0].(map[string]any)["value"] != "7" {
		t.Errorf("the change is not in the cluster: %v", params)
	}
}

func TestClusterDryRunServerCreatesNothing(t *testing.T) {
	e := newClusterEnv(t)
	file, name := e.flow(3, true)
	out, _ := e.mustFlowc(0, "apply", file, "--dry-run=server")
	if want := "workflowtemplate.argoproj.io/" + name + " created (server dry run)\n" +
		"cronworkflow.argoproj.io/" + name + " created (server dry run)\n"; out != want {
		t.Errorf("got\n%swant\n%s", out, want)
	}
	if e.get("WorkflowTemplate", "default", name) != nil || e.get("CronWorkflow", "default", name) != nil {
		t.Error("--dry-run=server created objects")
	}
	// The server checks what a client dry run cannot: the namespace must exist.
	_, stderr := e.mustFlowc(1, "apply", file, "--dry-run=server", "-n", "no-such-namespace")
	if !strings.Contains(stderr, `namespace "no-such-namespace" not found`) {
		t.Errorf("stderr: %s", stderr)
	}
}

// -n, flowc.yaml's namespace and the context's, in that order.
func TestClusterNamespaces(t *testing.T) {
	e := newClusterEnv(t)
	file, name := e.flow(3, false)
	e.mustFlowc(0, "apply", file, "--context", "team")
	if e.get("WorkflowTemplate", "team", name) == nil || e.get("WorkflowTemplate", "default", name) != nil {
		t.Error(`--context team: want the template in namespace "team" only`)
	}
	e.deleteAll(name)

	os.WriteFile(filepath.Join(e.dir, "flowc.yaml"), []byte("namespace: team\n"), 0o644)
	e.mustFlowc(0, "apply", file) // the admin context's namespace is default
	if got := e.get("WorkflowTemplate", "team", name); got == nil || got.GetNamespace() != "team" {
		t.Error(`flowc.yaml: want the template in namespace "team"`)
	}
	e.mustFlowc(0, "apply", file, "-n", "default", "--context", "team")
	if e.get("WorkflowTemplate", "default", name) == nil {
		t.Error(`-n default: want the template in namespace "default" too`)
	}

	_, stderr := e.mustFlowc(1, "apply", file, "-n", "no-such-namespace")
	if want := "flowc: cannot apply workflowtemplate.argoproj.io/" + name + `: namespace "no-such-namespace" not found` + "\n"; stderr != want {
		t.Errorf("missing namespace: got %q, want %q", stderr, want)
	}
}

func TestClusterForbidden(t *testing.T) {
	e := newClusterEnv(t)
	file, name := e.flow(3, false)
	_, stderr := e.mustFlowc(1, "apply", file, "--context", "nobody")
	want := `flowc: cannot read workflowtemplate.argoproj.io/` + name + `: forbidden: User "nobody" cannot get resource "workflowtemplates" in API group "argoproj.io" in the namespace "default" (context "nobody")` + "\n"
	if stderr != want {
		t.Errorf("got  %s\nwant %s", stderr, want)
	}
	if e.get("WorkflowTemplate", "default", name) != nil {
		t.Error("a forbidden apply created the template")
	}

	// A token the server does not know: 401, not 403.
	cfg, err := clientcmd.LoadFromFile(e.kubeconfig)
	if err != nil {
		t.Fatal(err)
	}
	cfg.AuthInfos["nobody"].Token = "not-a-token"
	bad := filepath.Join(t.TempDir(), "kubeconfig")
	if err := clientcmd.WriteToFile(*cfg, bad); err != nil {
		t.Fatal(err)
	}
	_, stderr = e.mustFlowc(1, "apply", file, "--kubeconfig", bad, "--context", "nobody")
	want = `rejected the credentials of kubeconfig user "nobody" (401 Unauthorized): log in again or fix the kubeconfig`
	if !strings.HasPrefix(stderr, "flowc: the API server at https://127.0.0.1:") || !strings.Contains(stderr, want) {
		t.Errorf("bad token: got %s", stderr)
	}
}

// Another field manager took a field flowc owns: apply fails and says who and what;
// --force-conflicts takes the field back.
func TestClusterConflict(t *testing.T) {
	e := newClusterEnv(t)
	file, name := e.flow(3, false)
	e.mustFlowc(0, "apply", file)
	theirs := `{"apiVersion": "argoproj.io/v1alpha1", "kind": "WorkflowTemplate",
		"metadata": {"name": "` + name + `"}, "spec": {"entrypoint": "end"}}`
	force := true
	_, err := e.resource("WorkflowTemplate", "default").Patch(e.ctx, name, types.ApplyPatchType, []byte(theirs),
		metav1.PatchOptions{FieldManager: "other-tool", Force: &force})
	if err != nil {
		t.Fatal(err)
	}
	_, stderr := e.mustFlowc(1, "apply", file)
	want := "flowc: cannot apply workflowtemplate.argoproj.io/" + name + `: conflict with "other-tool": .spec.entrypoint; rerun with --force-conflicts to take these fields over` + "\n"
	if stderr != want {
		t.Errorf("got  %s\nwant %s", stderr, want)
	}
	out, _ := e.mustFlowc(0, "apply", file, "--force-conflicts")
	if out != "workflowtemplate.argoproj.io/"+name+" configured\n" {
		t.Errorf("--force-conflicts: %s", out)
	}
	if ep, _, _ := unstructured.NestedString(e.get("WorkflowTemplate", "default", name).Object, "spec", "entrypoint"); ep != "Main" {
		t.Errorf("entrypoint %q after --force-conflicts, want flowc's Main", ep)
	}
}

// Strict field validation: a field Argo's schema does not have is an error, not a warning.
func TestClusterStrictFields(t *testing.T) {
	e := newClusterEnv(t)
	_, name := e.flow(3, false)
	objs, err := Decode([]byte(`apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: ` + name + `}
spec:
  entrypoint: Main
  templates: [{name: Main, container: {image: busybox}}]
  entrypointt: typo
`))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Load(Flags{Kubeconfig: e.kubeconfig, Context: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Apply(e.ctx, objs, ApplyOptions{Namespace: "default"})
	t.Logf("error: %v", err)
	if err == nil || !strings.Contains(err.Error(), "entrypointt") {
		t.Errorf("got %v, want an error naming .spec.entrypointt", err)
	}
	if e.get("WorkflowTemplate", "default", name) != nil {
		t.Error("the object with an unknown field was stored")
	}
}

// A missing CRD: the test deletes the CronWorkflow CRD and puts it back afterwards. A scheduled
// flow then fails before anything is written, the template included.
func TestClusterMissingCRD(t *testing.T) {
	e := newClusterEnv(t)
	crds := e.admin.dyn.Resource(schema.GroupVersionResource{Group: "apiextensions.k8s.io", Version: "v1", Resource: "customresourcedefinitions"})
	const crdName = "cronworkflows.argoproj.io"
	crd, err := crds.Get(e.ctx, crdName, metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	saved := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": crd.GetAPIVersion(), "kind": crd.GetKind(),
		"metadata": map[string]any{"name": crdName, "labels": stringMap(crd.GetLabels()), "annotations": stringMap(crd.GetAnnotations())},
		"spec":     crd.Object["spec"],
	}}
	if err := crds.Delete(e.ctx, crdName, metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		if _, err := crds.Create(ctx, saved, metav1.CreateOptions{}); err != nil {
			t.Errorf("restoring %s: %v", crdName, err)
			return
		}
		waitFor(t, 90*time.Second, "the CronWorkflow CRD to be served again", func() bool { return cronServed(ctx, e) })
	})
	waitFor(t, 90*time.Second, "the CronWorkflow CRD to go", func() bool { return !cronServed(e.ctx, e) })

	file, name := e.flow(3, true)
	_, stderr := e.mustFlowc(1, "apply", file)
	want := "flowc: the cluster has no argoproj.io/v1alpha1 CronWorkflow resource: install Argo Workflows' CRDs\n"
	if stderr != want {
		t.Errorf("got  %s\nwant %s", stderr, want)
	}
	if e.get("WorkflowTemplate", "default", name) != nil {
		t.Error("the template was applied although the CronWorkflow could not be")
	}
}

// cronServed tells whether discovery lists the CronWorkflow kind.
func cronServed(ctx context.Context, e *clusterEnv) bool {
	c, err := Load(Flags{Kubeconfig: e.kubeconfig, Context: "admin"})
	if err != nil {
		return false
	}
	cl, err := c.connect(ctx)
	if err != nil {
		return false
	}
	_, err = cl.resource(ctx, argoKind("CronWorkflow"), "default")
	return err == nil
}

func waitFor(t *testing.T, limit time.Duration, what string, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(limit); !ok(); time.Sleep(250 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("waited %s for %s", limit, what)
		}
	}
}

func stringMap(m map[string]string) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	return out
}
