package graph

import (
	"reflect"
	"testing"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// step builds a step on line ln whose one transition goes to targets; foreach makes it a foreach.
func step(ln int, name string, join bool, foreach string, targets ...string) *ir.Step {
	s := &ir.Step{Name: name, Pos: diag.Pos{File: "flow.py", Line: ln, Col: 9}, NumArgs: 1}
	if join {
		s.NumArgs = 2
	}
	if len(targets) > 0 {
		t := &ir.Transition{Pos: diag.Pos{File: "flow.py", Line: ln + 1, Col: 9}, Foreach: foreach}
		for i, name := range targets {
			t.Targets = append(t.Targets, ir.Target{Name: name, Pos: diag.Pos{File: "flow.py", Line: ln + 1, Col: 20 + 10*i}})
		}
		s.Transitions = []*ir.Transition{t}
	}
	return s
}

func flow(steps ...*ir.Step) *ir.Flow {
	f := &ir.Flow{Name: "F", Lang: ir.Python, File: "flow.py", Steps: steps}
	Resolve(f)
	return f
}

// The facts the emitter walks: order, foreach nesting and the index view the checks read.
func TestForeachInSplit(t *testing.T) {
	g := New(flow(
		step(1, "start", false, "", "a", "b"),
		step(3, "a", false, "items", "body"),
		step(5, "body", false, "", "each_join"),
		step(7, "each_join", true, "", "join"),
		step(9, "b", false, "", "join"),
		step(11, "join", true, "", "end"),
		step(13, "end", false, ""),
	))
	steps, ok := g.Topo()
	if !ok || len(steps) != 7 || steps[0].Name != "start" || steps[6].Name != "end" {
		t.Fatalf("Topo() = %v, %v", steps, ok)
	}
	want := map[string][]string{"body": {"a"}}
	for name, stack := range g.ForeachStacks() {
		if len(stack) > 0 && !reflect.DeepEqual(stack, want[name]) {
			t.Errorf("ForeachStacks()[%q] = %q, want %q", name, stack, want[name])
		}
	}
	if got := g.ForeachStack("body"); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("ForeachStack(body) = %q", got)
	}
	if g.MatchingJoin("start") != "join" || g.MatchingJoin("a") != "each_join" {
		t.Errorf("MatchingJoin: start -> %q, a -> %q", g.MatchingJoin("start"), g.MatchingJoin("a"))
	}
	a, _ := g.IndexOf("a")
	body, _ := g.IndexOf("body")
	if g.Len() != 7 || g.StartIndex() != 0 || g.EndIndex() != 6 || !g.IsForeach(a) || !g.ForeachStep("a") || g.ForeachStep("b") {
		t.Errorf("index view: len %d start %d end %d foreach(a) %v", g.Len(), g.StartIndex(), g.EndIndex(), g.IsForeach(a))
	}
	if got := g.NamesOf(g.SuccIndexes(0)); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("successors of start = %q", got)
	}
	if p := g.SuccPos(0, 1); p.Line != 2 || p.Col != 30 {
		t.Errorf("SuccPos(start, 1) = %v, want 2:30", p)
	}
	if got := g.OutSplit(body); got != a {
		t.Errorf("OutSplit(body) = %d, want a (%d)", got, a)
	}
	if got := g.OutSplit(g.EndIndex()); got != -1 {
		t.Errorf("OutSplit(end) = %d, want -1", got)
	}
	for _, id := range []diag.ID{diag.UnjoinedSplit, diag.JoinArity, diag.JoinWithoutSplit, diag.CrossJoin} {
		if fs := g.Findings(id); len(fs) != 0 {
			t.Errorf("Findings(%s) = %+v on a well-formed flow", id, fs)
		}
	}
}

// The split pass records what is wrong for the checks to word; it reports nothing itself.
func TestFindings(t *testing.T) {
	g := New(flow(
		step(1, "start", false, "", "a", "b"),
		step(3, "a", false, "", "end"),
		step(5, "b", false, "", "end"),
		step(7, "end", false, ""),
	))
	fs := g.Findings(diag.UnjoinedSplit)
	if len(fs) != 1 || g.Node(fs[0].Split).Name != "start" {
		t.Fatalf("Findings(unjoined-split) = %+v, want one, at start", fs)
	}
	g = New(flow(
		step(1, "start", false, "", "j"),
		step(3, "j", true, "", "end"),
		step(5, "end", false, ""),
	))
	if fs := g.Findings(diag.JoinWithoutSplit); len(fs) != 1 || g.Node(fs[0].Step).Name != "j" {
		t.Errorf("Findings(join-without-split) = %+v, want one, at j", fs)
	}
}
