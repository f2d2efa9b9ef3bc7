package check

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/parser/golang"
	"github.com/flowc-dev/flowc/parser/python"
)

// randomFlow builds an arbitrary, mostly malformed flow: names from a small pool (so that there
// are duplicates, unknown targets and cycles), any argument count, zero to three transitions
// with any targets, contexts, conditions, foreach, problems, and random decorators and params.
func randomFlow(r *rand.Rand) *ir.Flow {
	names := []string{"start", "end", "a", "b", "c", "d", "j", "k", "", "_x", "Name", "next"}
	pick := func() string { return names[r.IntN(len(names))] }
	p := func() diag.Pos { return pos(r.IntN(50), r.IntN(80)) }
	f := &ir.Flow{Name: pick(), Pos: p(), Lang: []ir.Lang{ir.Python, ir.Go}[r.IntN(2)]}
	f.Words = []*ir.Words{python.Words, golang.Words, nil}[r.IntN(3)] // nil: no frontend's words
	for range r.IntN(14) {
		s := &ir.Step{Name: pick(), Pos: p(), NumArgs: r.IntN(4)}
		if r.IntN(4) == 0 {
			s.TrailingPos = p()
		}
		for range r.IntN(4) {
			t := &ir.Transition{Pos: p()}
			for range r.IntN(4) {
				tg := ir.Target{Name: pick(), Pos: p()}
				if r.IntN(10) == 0 {
					tg.Expr = "self.x if y else self.z"
				}
				t.Targets = append(t.Targets, tg)
			}
			switch r.IntN(8) {
			case 0:
				t.Foreach = "items"
			case 1:
				t.Context = []string{"if", "for", "closure", "expression"}[r.IntN(4)]
			case 2:
				t.Condition = "<dict>"
			case 3:
				t.NumParallel = true
			case 4:
				t.Problems = []ir.Problem{{Check: []diag.ID{diag.InvalidTransition, diag.ConditionalBranching}[r.IntN(2)], Pos: p(), Message: "x"}}
			}
			s.Transitions = append(s.Transitions, t)
		}
		if r.IntN(3) == 0 {
			s.Decorators = append(s.Decorators, randomDecorator(r))
		}
		f.Steps = append(f.Steps, s)
	}
	for range r.IntN(3) {
		f.Decorators = append(f.Decorators, randomDecorator(r))
		def := randomValue(r, 2)
		f.Params = append(f.Params, &ir.Param{Name: pick(), Attr: pick(), Default: &def,
			Type: []ir.ParamType{ir.TypeStr, ir.TypeInt, ir.TypeFloat, ir.TypeBool, ir.TypeJSON, ""}[r.IntN(6)]})
	}
	return f
}

func randomDecorator(r *rand.Rand) *ir.Decorator {
	names := []string{"retry", "timeout", "resources", "kubernetes", "schedule", "project", "environment", "catch", "x"}
	args := []string{"times", "seconds", "cpu", "memory", "image", "cron", "name", "vars", "var", "node_selector", ""}
	d := &ir.Decorator{Name: names[r.IntN(len(names))]}
	for range r.IntN(4) {
		d.Args = append(d.Args, ir.Arg{Name: args[r.IntN(len(args))], Value: randomValue(r, 2)})
	}
	return d
}

func randomValue(r *rand.Rand, depth int) ir.Value {
	strs := []string{"", "0", "-1", "4Gi", "500m", "{{x}}", "0 0 * * *", "a=b", "}}", "1e3", "[1,", "*/0 * * * *"}
	switch k := r.IntN(8); {
	case k == 0:
		return ir.Value{Kind: ir.ValInt, Int: int64(r.IntN(5) - 2)}
	case k == 1:
		return ir.Value{Kind: ir.ValFloat, Float: r.Float64() - 0.5}
	case k == 2:
		return ir.Value{Kind: ir.ValBool, Bool: r.IntN(2) == 0}
	case k == 3 && depth > 0:
		v := ir.Value{Kind: ir.ValList}
		for range r.IntN(3) {
			v.List = append(v.List, randomValue(r, depth-1))
		}
		return v
	case k == 4 && depth > 0:
		v := ir.Value{Kind: ir.ValDict}
		for range r.IntN(3) {
			v.Keys = append(v.Keys, randomValue(r, depth-1))
		}
		for range r.IntN(3) { // possibly not as many as the keys
			v.Elems = append(v.Elems, randomValue(r, depth-1))
		}
		return v
	case k == 5:
		return ir.Value{Kind: []ir.ValueKind{ir.ValNone, ir.ValExpr, ""}[r.IntN(3)], Str: "X"}
	}
	return ir.Value{Kind: ir.ValString, Str: strs[r.IntN(len(strs))]}
}

// TestRobust runs every check on thousands of random flows: none may panic or hang, and the
// result must not depend on anything but the flow.
func TestRobust(t *testing.T) {
	for seed := range uint64(2000) {
		f := randomFlow(rand.New(rand.NewPCG(seed, 7)))
		first := format(Run(f))
		if again := format(Run(f)); again != first {
			t.Fatalf("seed %d: a second run differs:\n%s\nthen:\n%s", seed, first, again)
		}
	}
}

func TestNilsAndEmpty(t *testing.T) {
	if Run(nil) != nil {
		t.Error("Run(nil) reported something")
	}
	f := &ir.Flow{Steps: []*ir.Step{nil, {Name: "start", Transitions: []*ir.Transition{nil}, Decorators: []*ir.Decorator{nil}}},
		Params: []*ir.Param{nil}, Decorators: []*ir.Decorator{nil}}
	got := format(Run(f))
	// A flow no frontend made has no words of its language: the messages use neutral ones.
	want := `: error: step "start" has no transition [missing-next]
	help: add next(...) as its last statement
: error: flow name "" has no letter or digit to name the Argo workflow after [name]
: error: flow "" has no end step [no-end]
	help: add a step named "end"
: error: step "start" is missing the self argument [num-args]
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if f.Steps[0] != nil || f.Params[0] != nil || f.Steps[1].Transitions[0] != nil {
		t.Error("Run removed the nil entries of the flow it checked; checks only read")
	}
}

// FuzzRun feeds random flows to Run; go test runs the seeds, go test -fuzz=FuzzRun explores.
func FuzzRun(f *testing.F) {
	for i := range uint64(8) {
		f.Add(i, i*31)
	}
	f.Fuzz(func(t *testing.T, a, b uint64) {
		fl := randomFlow(rand.New(rand.NewPCG(a, b)))
		Run(fl)
		g := NewGraph(fl)
		for _, s := range fl.Steps {
			g.SplitParents(s.Name)
			g.ForeachStack(s.Name)
			g.MatchingJoin(s.Name)
		}
		g.Topo()
		Schedule(fl)
		_ = fmt.Sprint(g.Loops())
	})
}
