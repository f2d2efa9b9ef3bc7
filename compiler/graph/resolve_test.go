package graph

import (
	"reflect"
	"testing"

	"github.com/flowc-dev/flowc/compiler/ir"
)

// TestResolve: the compile phase drops nil entries from the flow itself and writes the graph's
// edges into the steps, the one derivation the checks, the emitters and flowc run share: a
// repeated or unknown target, and a transition out of the end step, are no edge.
func TestResolve(t *testing.T) {
	start := step(1, "start", false, "", "a", "a", "nowhere")
	start.Transitions = append([]*ir.Transition{nil}, start.Transitions...)
	f := &ir.Flow{Name: "F", Lang: ir.Python, File: "flow.py", Steps: []*ir.Step{
		nil, start,
		step(3, "a", false, "items", "b"),
		step(5, "b", true, "", "end"),
		step(7, "end", false, "", "start"),
	}}
	g := Resolve(f)
	if len(f.Steps) != 4 || len(f.Steps[0].Transitions) != 1 || g.Len() != 4 {
		t.Fatalf("nil entries left: %d steps, %d transitions", len(f.Steps), len(f.Steps[0].Transitions))
	}
	type fields struct {
		Kind     ir.Kind
		Next, In []string
		Foreach  string
	}
	want := []fields{
		{ir.KindStart, []string{"a"}, nil, ""}, // the end step has no outgoing edge
		{ir.KindForeach, []string{"b"}, []string{"start"}, "items"},
		{ir.KindJoin, []string{"end"}, []string{"a"}, ""},
		{ir.KindEnd, nil, []string{"b"}, ""},
	}
	for i, s := range f.Steps {
		got := fields{s.Kind, s.Next, s.In, s.Foreach}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("step %s: %+v, want %+v", s.Name, got, want[i])
		}
	}
	again := f.Dump()
	Resolve(f)
	if f.Dump() != again {
		t.Errorf("a second Resolve changed the flow:\n%s\nthen:\n%s", again, f.Dump())
	}
}
