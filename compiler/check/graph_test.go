package check

import (
	"reflect"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/compiler/graph"
)

// goodShapes are graphs every check accepts.
var goodShapes = map[string]string{
	"linear": `
start -> a
a -> end
end`,
	"split": `
start -> a b
a -> join
b -> join
join(inputs) -> end
end`,
	"nested split": `
start -> a b
a -> a1 a2
a1 -> aj
a2 -> aj
aj(inputs) -> join
b -> join
join(inputs) -> end
end`,
	"foreach": `
start -> body foreach=items
body -> join
join(inputs) -> end
end`,
	"nested foreach 3 levels": `
start -> x foreach=xs
x -> y foreach=ys
y -> z foreach=zs
z -> zj
zj(inputs) -> yj
yj(inputs) -> xj
xj(inputs) -> end
end`,
	"split inside foreach": `
start -> body foreach=items
body -> a b
a -> inner
b -> inner
inner(inputs) -> join
join(inputs) -> end
end`,
	"foreach inside a split branch": `
start -> a b
a -> each foreach=items
each -> eachj
eachj(inputs) -> join
b -> join
join(inputs) -> end
end`,
	"join that foreaches": `
start -> a b
a -> j1
b -> j1
j1(inputs) -> body foreach=items
body -> j2
j2(inputs) -> end
end`,
	"split with a branch straight to its join": `
start -> a join
a -> join
join(inputs) -> end
end`,
	"multi-step foreach body": `
start -> first foreach=items
first -> second
second -> third
third -> join
join(inputs) -> end
end`,
	"steps out of order": `
end
join(inputs) -> end
b -> join
a -> join
start -> a b`,
}

func TestGoodShapes(t *testing.T) {
	for name, text := range goodShapes {
		t.Run(name, func(t *testing.T) {
			expect(t, parseFlow(t, text), "")
		})
	}
}

// Metaflow's own test graphs (Netflix/metaflow test/core/graphs/*.json), rebuilt in the graph
// language: the ones flowc accepts, and the ones it rejects with the diagnostics it gives.
func TestMetaflowGraphs(t *testing.T) {
	accepted := map[string]string{
		"linear":        "\nstart -> a\na -> b\nb -> c\nc -> end\nend",
		"branch":        "\nstart -> a b\na -> join\nb -> join\njoin(inputs) -> end\nend",
		"foreach":       "\nstart -> foreach_split\nforeach_split -> foreach_inner_first foreach=arr\nforeach_inner_first -> foreach_inner_second\nforeach_inner_second -> foreach_join\nforeach_join(inputs) -> end\nend",
		"small_foreach": "\nstart -> foreach_split\nforeach_split -> foreach_inner foreach=arr\nforeach_inner -> foreach_join\nforeach_join(inputs) -> end\nend",
		"nested_foreach": `
start -> foreach_split_x
foreach_split_x -> foreach_split_y foreach=x
foreach_split_y -> foreach_split_z foreach=y
foreach_split_z -> foreach_inner foreach=z
foreach_inner -> foreach_join_z
foreach_join_z(inputs) -> foreach_join_y
foreach_join_y(inputs) -> foreach_join_x
foreach_join_x(inputs) -> end
end`,
		"nested_branches": `
start -> a b
a -> a1 a2
a1 -> a_join
a2 -> a_join
a_join(inputs) -> join
b -> b1 b2
b1 -> b_join
b2 -> b_join
b_join(inputs) -> join
join(inputs) -> end
end`,
		"wide_foreach": "\nstart -> foreach_split\nforeach_split -> foreach_inner foreach=arr\nforeach_inner -> foreach_join\nforeach_join(inputs) -> end\nend",
	}
	for name, text := range accepted {
		t.Run(name, func(t *testing.T) { expect(t, parseFlow(t, text), "") })
	}
	t.Run("parallel", func(t *testing.T) {
		f := parseFlow(t, "\nstart -> parallel_split\nparallel_split -> parallel_inner\nparallel_inner -> parallel_join\nparallel_join(inputs) -> end\nend")
		step(t, f, "parallel_split").Transitions[0].NumParallel = true
		step(t, f, "parallel_inner").Decorators = append(step(t, f, "parallel_inner").Decorators, deco(3, "parallel"))
		expect(t, f, `
flow.py:3:5: error: @parallel is not supported yet [decorator]
flow.py:3:10: error: num_parallel (Metaflow's @parallel) is not supported yet [invalid-transition]`)
	})
	t.Run("switch_basic", func(t *testing.T) {
		f := parseFlow(t, "\nstart -> switch_step\nswitch_step -> a b c\na -> end\nb -> end\nc -> end\nend")
		step(t, f, "switch_step").Transitions[0].Condition = "condition"
		expect(t, f, `flow.py:3:10: error: self.next with condition="condition" is conditional branching (Metaflow's switch), which flowc does not support [conditional-branching]
	help: `+restructure+``)
	})
	t.Run("recursive_switch", func(t *testing.T) {
		f := parseFlow(t, "\nstart -> loop_step\nloop_step -> loop_step exit_loop\nexit_loop -> end\nend")
		step(t, f, "loop_step").Transitions[0].Condition = "loop_status"
		expect(t, f, `
flow.py:3:10: error: self.next with condition="loop_status" is conditional branching (Metaflow's switch), which flowc does not support [conditional-branching]
	help: `+restructure+`
flow.py:3:20: error: cycle: loop_step -> loop_step [cycle]`)
	})
	t.Run("switch_in_foreach", func(t *testing.T) {
		f := parseFlow(t, "\nstart -> process_item foreach=items\nprocess_item -> handle_a handle_b\nhandle_a -> join\nhandle_b -> join\njoin(inputs) -> end\nend")
		step(t, f, "process_item").Transitions[0].Condition = "item_type"
		expect(t, f, `flow.py:3:10: error: self.next with condition="item_type" is conditional branching (Metaflow's switch), which flowc does not support [conditional-branching]
	help: `+restructure+``)
	})
}

func TestGraphFacts(t *testing.T) {
	f := parseFlow(t, `
start -> a b
a -> each foreach=items
each -> x y
x -> xy
y -> xy
xy(inputs) -> eachj
eachj(inputs) -> join
b -> join
join(inputs) -> end
end`)
	g := graph.Resolve(f)
	steps, ok := g.Topo()
	var order []string
	for _, s := range steps {
		order = append(order, s.Name)
	}
	if !ok || strings.Join(order, " ") != "start a each x y xy eachj b join end" {
		t.Errorf("Topo() = %v, %v", order, ok)
	}
	check := func(step string, parents, foreach []string, join string) {
		t.Helper()
		if got := g.SplitParents(step); !reflect.DeepEqual(got, parents) {
			t.Errorf("SplitParents(%q) = %q, want %q", step, got, parents)
		}
		if got := g.ForeachStack(step); !reflect.DeepEqual(got, foreach) {
			t.Errorf("ForeachStack(%q) = %q, want %q", step, got, foreach)
		}
		if got := g.MatchingJoin(step); got != join {
			t.Errorf("MatchingJoin(%q) = %q, want %q", step, got, join)
		}
	}
	// a is the foreach, each its body, which splits into x and y.
	check("start", nil, nil, "join")
	check("a", []string{"start"}, nil, "eachj")
	check("each", []string{"start", "a"}, []string{"a"}, "xy")
	check("x", []string{"start", "a", "each"}, []string{"a"}, "")
	check("xy", []string{"start", "a", "each"}, []string{"a"}, "")
	check("eachj", []string{"start", "a"}, nil, "")
	check("b", []string{"start"}, nil, "")
	check("join", []string{"start"}, nil, "")
	check("end", nil, nil, "")
	check("nosuch", nil, nil, "")
	if got := g.Preds("join"); !reflect.DeepEqual(got, []string{"eachj", "b"}) {
		t.Errorf("Preds(join) = %q", got)
	}
	if got := g.Succs("each"); !reflect.DeepEqual(got, []string{"x", "y"}) {
		t.Errorf("Succs(each) = %q", got)
	}
	if !g.Reachable("xy") || g.Reachable("nosuch") {
		t.Error("Reachable is wrong")
	}
}
