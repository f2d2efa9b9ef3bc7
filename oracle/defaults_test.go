package oracle

import (
	"os"
	"slices"
	"testing"

	wfv1 "github.com/argoproj/argo-workflows/v4/pkg/apis/workflow/v1alpha1"
)

// TestTemplateDefaultsAsExecuted merges a golden's templateDefaults as Argo does and checks what
// each pod gets: the shared image and entrypoint unless the step has its own, the step's own
// variables and then the run and task ids (the patch's list items come first), and nothing in
// the DAG templates.
func TestTemplateDefaultsAsExecuted(t *testing.T) {
	b, err := os.ReadFile(goldenDir + "/python/decorators/analytics-decoratedflow.yaml")
	if err != nil {
		t.Skip("no golden:", err)
	}
	docs, err := splitDocuments(b)
	if err != nil || len(docs) == 0 || docs[0].err != nil {
		t.Fatalf("decode: %v", err)
	}
	wt := docs[0].obj.(*wfv1.WorkflowTemplate)
	spec, err := asExecuted(&wt.Spec)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]wfv1.Template{}
	for _, tpl := range spec.Templates {
		byName[tpl.Name] = tpl
	}
	shared := wt.Spec.TemplateDefaults.Container
	for _, c := range []struct {
		tmpl, image string
		env         []string
	}{
		{"start", shared.Image, []string{"FLOWC_RETRY_TIMES", "FLOWC_RETRY_COUNT", "FLOWC_RUN_ID", "FLOWC_TASK_ID"}},
		{"train", "registry.example.com/train:1.4", []string{"MODE", "DEBUG", "FLOWC_TIMEOUT", "FLOWC_RUN_ID", "FLOWC_TASK_ID"}},
	} {
		ctr := byName[c.tmpl].Container
		if ctr == nil {
			t.Fatalf("template %s has no container", c.tmpl)
		}
		var env []string
		for _, e := range ctr.Env {
			env = append(env, e.Name)
		}
		if ctr.Image != c.image || !slices.Equal(ctr.Command, shared.Command) || !slices.Equal(env, c.env) {
			t.Errorf("%s runs image %q, command %q, env %q; want %q, %q, %q", c.tmpl, ctr.Image, ctr.Command, env, c.image, shared.Command, c.env)
		}
		if n := len(ctr.Env); n < 2 || ctr.Env[n-2].Value != "{{workflow.name}}" || ctr.Env[n-1].Value != "{{pod.name}}" {
			t.Errorf("%s: env %+v, want the run and task ids last", c.tmpl, ctr.Env)
		}
	}
	if byName["Main"].Container != nil {
		t.Error("the DAG template Main got a container from templateDefaults")
	}
}
