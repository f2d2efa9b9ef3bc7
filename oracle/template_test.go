package oracle

import (
	"encoding/base64"
	"strings"
	"testing"

	wfv1 "github.com/argoproj/argo-workflows/v4/pkg/apis/workflow/v1alpha1"
	"github.com/argoproj/argo-workflows/v4/workflow/common"
	corev1 "k8s.io/api/core/v1"
)

var params = map[string]string{"workflow.name": "wf-123"}

// TestSubstitute records what one pass of Argo's substitution does to `{{` and `}}` in a string.
func TestSubstitute(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{in: "run {{workflow.name}}", want: "run wf-123"},
		{in: "{{ workflow.name }}", want: "wf-123"},
		{in: "{{=workflow.name}}", want: "wf-123"},
		// A tag that names no variable is left as written.
		{in: "{{foo}}", want: "{{foo}}"},
		{in: "a {{ b", err: `Cannot find end tag="}}" in the template="\"a {{ b\"" starting from " b\""`},
		{in: "a }} b", want: "a }} b"},
		{in: "{{='{{'}}", want: "{{"},
		{in: "{{='{{'}}x}}", want: "{{x}}"},
		{in: "{{='{{'}}workflow.name}}", want: "{{workflow.name}}"},
		// A tag ends at the first "}}", even inside a quoted string of an expression.
		{in: "{{='{{x}}'}}", err: "failed to evaluate expression: literal not terminated (1:5)"},
		{in: "{{='}}'}}", err: "failed to evaluate expression: literal not terminated (1:2)"},
		{in: "<&>\n", want: "<&>\n"},
	} {
		got, err := Substitute(tc.in, params)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("Substitute(%q) = %q, %v; want error %q", tc.in, got, err, tc.err)
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("Substitute(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// TestSubstituteTwice shows that the expression escape survives one pass only.
func TestSubstituteTwice(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{in: "{{='{{'}}", err: `Cannot find end tag="}}"`},
		{in: "{{='{{'}}workflow.name}}", want: "wf-123"},
	} {
		once, err := Substitute(tc.in, params)
		if err != nil {
			t.Fatalf("Substitute(%q): %v", tc.in, err)
		}
		got, err := Substitute(once, params)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("twice %q = %q, %v; want error %q", tc.in, got, err, tc.err)
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("twice %q = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// TestControllerSubstitution runs the function with which Argo's controller substitutes a
// step's template before it builds the pod (workflow/common.SubstituteParams: globals, then
// inputs, each over the JSON of the whole template).
func TestControllerSubstitution(t *testing.T) {
	for _, tc := range []struct{ name, arg, param, want string }{
		{"escape undone by the second pass", "{{='{{'}}workflow.name}}", "", "wf-123"},
		{"escape of a lone brace", "{{='{{'}}", "", "{{"},
		// The stray "{{" pairs with the "}}" that closes "resources":{} in the container's JSON.
		{"lone brace kept", "a {{ b", "", "a {{ b"},
		{"parameter value substituted", "{{workflow.parameters.p}}", "{{workflow.name}}", "wf-123"},
		{"parameter value escape evaluated", "{{workflow.parameters.p}}", "{{='{{'}}", "{{"},
		{"parameter value unknown tag kept", "{{workflow.parameters.p}}", "{{x}}", "{{x}}"},
		// Only an encoding without braces keeps a value from the later passes.
		{"parameter value as JSON substituted", "{{=toJson(workflow.parameters.p)}}", "{{workflow.name}}", `"wf-123"`},
		{"parameter value as base64 intact", "{{=sprig.b64enc(workflow.parameters['p'])}}", "{{workflow.name}}",
			base64.StdEncoding.EncodeToString([]byte("{{workflow.name}}"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmpl := &wfv1.Template{Name: "s", Container: &corev1.Container{Image: "img", Args: []string{tc.arg}}}
			globals := common.Parameters{"workflow.name": "wf-123", "workflow.parameters.p": tc.param}
			out, err := common.SubstituteParams(quietContext(), tmpl, globals, common.Parameters{})
			if err != nil {
				t.Fatal(err)
			}
			if got := out.Container.Args[0]; got != tc.want {
				t.Errorf("arg %q with p=%q became %q, want %q", tc.arg, tc.param, got, tc.want)
			}
		})
	}
}
