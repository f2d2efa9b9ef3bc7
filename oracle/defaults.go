package oracle

import (
	"encoding/json"
	"fmt"
	"reflect"

	wfv1 "github.com/argoproj/argo-workflows/v4/pkg/apis/workflow/v1alpha1"
	"k8s.io/apimachinery/pkg/util/strategicpatch"
	"k8s.io/apimachinery/pkg/util/validation"
)

// asExecuted is spec with its templateDefaults merged into every template the way Argo's
// controller merges them before it runs a template (v4.0.5, workflow/controller/operator.go,
// mergedTemplateDefaultsInto): the defaults' fields of another template type are dropped, and
// the template is applied over the defaults as a strategic merge patch on Argo's Template type,
// so that env and other keyed lists merge by name. The validator never reads templateDefaults;
// validating this spec checks the templates that actually run.
func asExecuted(spec *wfv1.WorkflowSpec) (*wfv1.WorkflowSpec, error) {
	out := spec.DeepCopy()
	for _, t := range out.Templates {
		if err := checkPodName(&t); err != nil {
			return nil, fmt.Errorf("templates.%s: %w", t.Name, err)
		}
	}
	if out.TemplateDefaults == nil {
		return out, nil
	}
	for i := range out.Templates {
		if err := mergeDefaults(out.TemplateDefaults, &out.Templates[i]); err != nil {
			return nil, fmt.Errorf("templates.%s: merging templateDefaults: %w", out.Templates[i].Name, err)
		}
	}
	out.TemplateDefaults = nil
	return out, nil
}

// asExecutedInto replaces spec with asExecuted(spec) and runs validate on its owner.
func asExecutedInto(spec *wfv1.WorkflowSpec, validate func() error) error {
	executed, err := asExecuted(spec)
	if err != nil {
		return err
	}
	*spec = *executed
	return validate()
}

func asExecutedErr(err error) error {
	if err != nil {
		return fmt.Errorf("as executed (templateDefaults merged): %w", err)
	}
	return nil
}

func mergeDefaults(defaults, t *wfv1.Template) error {
	typ := t.GetType()
	d := defaults.DeepCopy()
	v := reflect.ValueOf(d).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		isStructPtr := f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.Struct
		if tt := wfv1.TemplateType(f.Name); isStructPtr && tt.IsValid() && tt != typ {
			v.Field(i).Set(reflect.Zero(f.Type))
		}
	}
	dj, err := json.Marshal(d)
	if err != nil {
		return err
	}
	tj, err := json.Marshal(t)
	if err != nil {
		return err
	}
	merged, err := strategicpatch.StrategicMergePatch(dj, tj, wfv1.Template{})
	if err != nil {
		return err
	}
	*t = wfv1.Template{}
	if err := json.Unmarshal(merged, t); err != nil {
		return err
	}
	t.SetType(typ)
	return checkExecuted(t)
}

// checkPodName holds what no validator checks of a container template's name: that it makes
// valid pod names. Argo's default pod names (v2; v4.0.5 workflow/util/pod_name.go,
// GeneratePodName) are the workflow's name, the template's and a hash of the node's name, so
// the validator accepts an uppercase template name whose pods the API server then refuses.
// (workflow/util itself is not imported: it would bring the controller's dependencies.)
func checkPodName(t *wfv1.Template) error {
	if t.Container == nil {
		return nil
	}
	pod := "flow-x7k2p-" + t.Name + "-1584117704"
	if errs := validation.IsDNS1123Subdomain(pod); len(errs) > 0 {
		return fmt.Errorf("its pods' names, such as %q, are invalid: %s", pod, errs[0])
	}
	return nil
}

// checkExecuted holds what the merge must give a container template and what no validator
// checks: a command, and each environment variable once.
func checkExecuted(t *wfv1.Template) error {
	if t.Container == nil {
		return nil
	}
	if len(t.Container.Command) == 0 {
		return fmt.Errorf("container has no command")
	}
	seen := map[string]bool{}
	for _, e := range t.Container.Env {
		if seen[e.Name] {
			return fmt.Errorf("container.env sets %s twice", e.Name)
		}
		seen[e.Name] = true
	}
	return nil
}
