package kube

import (
	"context"
	"fmt"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"

	"github.com/flowc-dev/flowc/internal/cluster"
)

// templateLabel is the label Argo's own `argo submit --from workflowtemplate/x` puts on a Workflow,
// so that Argo's UI and `argo list` group the run under its template.
const templateLabel = "workflows.argoproj.io/workflow-template"

// Param is one parameter value of a run.
type Param = cluster.Param

// Run is a Workflow to start from an applied WorkflowTemplate.
type Run = cluster.Run

// Submit creates a Workflow that runs the WorkflowTemplate r.Template, and returns its name. The
// Workflow is named after the template (generateName "<template>-") and carries the template's
// labels, so that the selectors that find a flow's template find its runs too.
func (c *Cluster) Submit(ctx context.Context, r Run) (string, error) {
	cl, err := c.connect(ctx)
	if err != nil {
		return "", err
	}
	tmpls, err := cl.resource(ctx, argoKind("WorkflowTemplate"), r.Namespace)
	if err != nil {
		return "", err
	}
	wfs, err := cl.resource(ctx, argoKind("Workflow"), r.Namespace)
	if err != nil {
		return "", err
	}
	ref := "workflowtemplate." + argoGroup + "/" + r.Template
	tmpl, err := tmpls.Get(ctx, r.Template, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		return "", fmt.Errorf("no WorkflowTemplate %q in namespace %q: run flowc apply first", r.Template, r.Namespace)
	}
	if err != nil {
		return "", cl.explain(ctx, err, "read", ref)
	}
	wf := workflow(r, tmpl.GetLabels())
	created, err := wfs.Create(ctx, wf, metav1.CreateOptions{FieldManager: FieldManager, FieldValidation: metav1.FieldValidationStrict})
	if err != nil {
		return "", cl.explain(ctx, err, "create", Ref(wf))
	}
	return created.GetName(), nil
}

// workflow is the Workflow object of a run.
func workflow(r Run, labels map[string]string) *unstructured.Unstructured {
	l := map[string]any{templateLabel: r.Template}
	for k, v := range labels {
		l[k] = v
	}
	spec := map[string]any{"workflowTemplateRef": map[string]any{"name": r.Template}}
	if len(r.Params) > 0 {
		var ps []any
		for _, p := range r.Params {
			ps = append(ps, map[string]any{"name": p.Name, "value": p.Value})
		}
		spec["arguments"] = map[string]any{"parameters": ps}
	}
	return &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": argoGroup + "/" + argoVersion,
		"kind":       "Workflow",
		"metadata": map[string]any{
			"generateName": r.Template + "-",
			"namespace":    r.Namespace,
			"labels":       l,
		},
		"spec": spec,
	}}
}
