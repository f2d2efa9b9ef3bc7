package argo_test

import (
	"fmt"
	"testing"

	"github.com/flowc-dev/flowc/emit/argo"
)

// BenchmarkMarshal writes a manifest of n templates with distinct names; time per template should
// stay flat as n grows (the writer is linear even though the library decides every string).
func BenchmarkMarshal(b *testing.B) {
	for _, n := range []int{500, 2000, 8000} {
		obj := argo.Object{APIVersion: "argoproj.io/v1alpha1", Kind: "WorkflowTemplate", Spec: &argo.WorkflowSpec{}}
		for i := range n {
			name := fmt.Sprintf("step-%d", i)
			obj.Spec.(*argo.WorkflowSpec).Templates = append(obj.Spec.(*argo.WorkflowSpec).Templates, &argo.Template{
				Name: name,
				Container: &argo.Container{Image: "registry.example.com/flows:0123456789abcdef",
					Command: []string{"python", "-m", "flowc_runtime"},
					Args:    []string{"step", name, "--in", "/flowc/in", "--value", fmt.Sprintf("%d", i)}},
			})
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := argo.Marshal([]argo.Object{obj}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
