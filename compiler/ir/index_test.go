package ir

import "testing"

// TestStepIndex: after IndexSteps a lookup finds what a scan finds (the first of two steps with
// one name, nil for none), and an index older than the step list is not trusted.
func TestStepIndex(t *testing.T) {
	a1, b, a2 := &Step{Name: "a"}, &Step{Name: "b"}, &Step{Name: "a"}
	f := &Flow{Steps: []*Step{a1, b, a2}}
	f.IndexSteps()
	if f.Step("a") != a1 || f.Step("b") != b || f.Step("c") != nil {
		t.Fatalf("indexed lookups: a=%p (want %p) b=%p c=%v", f.Step("a"), a1, f.Step("b"), f.Step("c"))
	}
	c := &Step{Name: "c"}
	f.Steps = append(f.Steps, c)
	if f.Step("c") != c {
		t.Fatal("a step added after IndexSteps is not found")
	}
	b.Name = "renamed"
	if f.Step("b") != nil || f.Step("renamed") != b {
		t.Fatal("a step renamed after IndexSteps is found by its old name, or not by its new one")
	}
}
