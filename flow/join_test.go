package flow_test

import (
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/flow"
)

//flowc:flow
type splitFlow struct {
	flow.FlowSpec
	Shared string
	Value  int
	Label  string
}

//flowc:step
func (f *splitFlow) Start() error {
	f.Shared = "same"
	f.Next(f.A, f.B)
	return nil
}

//flowc:step
func (f *splitFlow) A() error { f.Value, f.Label = 1, "a"; f.Next(f.Join); return nil }

//flowc:step
func (f *splitFlow) B() error { f.Value, f.Label = 2, "b"; f.Next(f.Join); return nil }

//flowc:step
func (f *splitFlow) Join(in flow.Inputs[*splitFlow]) error {
	f.Value = in.Get("a").Value*10 + in.Get("b").Value
	var labels []string
	for _, x := range in.All() {
		labels = append(labels, x.Label)
	}
	f.Label = strings.Join(labels, "+")
	if err := flow.MergeArtifacts(f, in); err != nil {
		return err
	}
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *splitFlow) End() error { return nil }

func TestSplitJoin(t *testing.T) {
	r := newStepRunner(t)
	r.run(new(splitFlow), "start", "--out", r.dir("start"), "--next", "a,b")
	r.run(new(splitFlow), "a", "--in", "start="+r.dir("start"), "--out", r.dir("a"), "--next", "join")
	r.run(new(splitFlow), "b", "--in", "start="+r.dir("start"), "--out", r.dir("b"), "--next", "join")
	// The inputs come in the order of the --in flags, which is the order Next named them.
	join := new(splitFlow)
	r.run(join, "join", "--in", "b="+r.dir("b"), "--in", "a="+r.dir("a"), "--out", r.dir("join"), "--next", "end")
	if join.Value != 12 || join.Label != "b+a" || join.Shared != "same" {
		t.Errorf("join: Value %d Label %q Shared %q; want 12, \"b+a\", \"same\"", join.Value, join.Label, join.Shared)
	}
}

//flowc:flow
type mergeFlow struct {
	flow.FlowSpec
	Same  []string
	Diff  int
	Other map[string]int
	OnlyA string // set on one branch only: merged, not a conflict
}

//flowc:step
func (f *mergeFlow) Start() error { f.Next(f.A, f.B); return nil }

//flowc:step
func (f *mergeFlow) A() error {
	f.Same, f.Diff, f.Other, f.OnlyA = []string{"x"}, 1, map[string]int{"k": 1}, "a"
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *mergeFlow) B() error {
	f.Same, f.Diff, f.Other = []string{"x"}, 2, map[string]int{"k": 2}
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *mergeFlow) Join(in flow.Inputs[*mergeFlow]) error {
	if err := flow.MergeArtifacts(f, in); err == nil || !strings.Contains(err.Error(), "disagree on Diff, Other") {
		return err
	}
	if f.Same != nil {
		panic("a failed merge must copy nothing")
	}
	if err := flow.MergeArtifacts(f, in, "Nope"); err == nil {
		panic("excluding an unknown field must fail")
	}
	f.Diff = 3 // set by the join: not merged
	if err := flow.MergeArtifacts(f, in, "Other"); err != nil {
		return err
	}
	if _, ok := in.Lookup("c"); ok {
		panic("Lookup found a step that is not an input")
	}
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *mergeFlow) End() error { return nil }

func TestMergeArtifacts(t *testing.T) {
	r := newStepRunner(t)
	r.run(new(mergeFlow), "start", "--out", r.dir("start"), "--next", "a,b")
	r.run(new(mergeFlow), "a", "--in", "start="+r.dir("start"), "--out", r.dir("a"), "--next", "join")
	r.run(new(mergeFlow), "b", "--in", "start="+r.dir("start"), "--out", r.dir("b"), "--next", "join")
	join := new(mergeFlow)
	r.run(join, "join", "--in", "a="+r.dir("a"), "--in", "b="+r.dir("b"), "--out", r.dir("join"), "--next", "end")
	if len(join.Same) != 1 || join.Same[0] != "x" || join.Diff != 3 || join.Other != nil || join.OnlyA != "a" {
		t.Errorf("after merge: %+v", join)
	}
	if err := r.fail(new(mergeFlow), "join", "--in", "a="+r.dir("a"), "--out", r.dir("j2"), "--next", "end"); !strings.Contains(err.Error(), "without calling Next") {
		t.Errorf("got %v", err)
	}
	if err := r.fail(new(mergeFlow), "a", "--in", "a="+r.dir("a"), "--in", "b="+r.dir("b"), "--out", r.dir("j3"), "--next", "join"); !strings.Contains(err.Error(), "not a join") {
		t.Errorf("got %v", err)
	}
}
