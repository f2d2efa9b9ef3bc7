package ir

import "testing"

// TestNilFree: a reader gets a flow without nil entries and the flow it read keeps them.
func TestNilFree(t *testing.T) {
	end := &Step{Name: "end"}
	start := &Step{Name: "start", NumArgs: 1, Transitions: []*Transition{nil, {Targets: []Target{{Name: "end"}}}}, Decorators: []*Decorator{nil}}
	f := &Flow{Steps: []*Step{nil, start, end}, Params: []*Param{nil}, Decorators: []*Decorator{nil}}
	c := NilFree(f)
	if len(c.Steps) != 2 || len(c.Params) != 0 || len(c.Decorators) != 0 || len(c.Steps[0].Transitions) != 1 || len(c.Steps[0].Decorators) != 0 {
		t.Fatalf("NilFree left nils: %+v", c)
	}
	if len(f.Steps) != 3 || f.Steps[0] != nil || len(start.Transitions) != 2 || start.Transitions[0] != nil || len(f.Params) != 1 {
		t.Fatalf("NilFree changed its input: %+v", f)
	}
	if c.Steps[1] != end {
		t.Error("a step without nils was copied")
	}
	if clean := NilFree(c); clean != c {
		t.Error("a flow without nils was copied")
	}
}
