package check

import (
	"testing"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/parser/golang"
)

const linear = "\nstart -> a\na -> end\nend"

func TestInvalidTransition(t *testing.T) {
	f := parseFlow(t, `
start -> a a
a -> b c foreach=items
b ->
c -> d | -> end
d -> end
end`)
	step(t, f, "d").TrailingPos = pos(6, 30)
	expect(t, f, `
flow.py:2:26: error: step "start" names "a" twice in self.next [invalid-transition]
flow.py:3:40: error: foreach in step "a" must lead to exactly one step, not 2 [invalid-transition]
flow.py:4:10: error: self.next in step "b" names no step [invalid-transition]
flow.py:5:50: error: step "c" calls self.next more than once; a step has exactly one transition, as its last statement [invalid-transition]
flow.py:6:30: error: code after self.next in step "d" [invalid-transition]
	help: make self.next the step's last statement`)
}

func TestInvalidTransitionFromFrontend(t *testing.T) {
	// A transition with a problem is not the step's transition; a has none left, but that is
	// not reported again as a dead end or an unreachable end.
	f := parseFlow(t, linear)
	step(t, f, "a").Transitions[0].Problems = []ir.Problem{
		{Check: diag.InvalidTransition, Pos: pos(3, 20), Message: `self.next takes steps as self.<name>, not "a"`},
	}
	expect(t, f, `flow.py:3:20: error: self.next takes steps as self.<name>, not "a" [invalid-transition]`)
}

func TestNumParallel(t *testing.T) {
	f := parseFlow(t, "\nstart -> a\na -> j\nj(inputs) -> end\nend")
	step(t, f, "start").Transitions[0].NumParallel = true
	expect(t, f, `flow.py:2:10: error: num_parallel (Metaflow's @parallel) is not supported yet [invalid-transition]`)
}

func TestConditionalBranching(t *testing.T) {
	f := parseFlow(t, `
start -> a b
a -> c [if] | -> d [if]
c -> join
d -> join
b -> j2 [for]
j2 -> join
join(inputs) -> end
end`)
	expect(t, f, `
flow.py:3:10: error: self.next inside an "if" is conditional branching, which flowc does not support [conditional-branching]
	note: flow.py:3:9: the enclosing "if"
	help: `+restructure+`
flow.py:3:50: error: self.next inside an "if" is conditional branching, which flowc does not support [conditional-branching]
	note: flow.py:3:9: the enclosing "if"
	help: `+restructure+`
flow.py:6:10: error: self.next inside a "for" loop is conditional branching, which flowc does not support [conditional-branching]
	note: flow.py:6:9: the enclosing "for"
	help: `+restructure+``)
}

func TestConditionalSwitchAndExpression(t *testing.T) {
	f := parseFlow(t, `
start -> a b
a -> end
b -> end
end`)
	step(t, f, "start").Transitions[0].Condition = "<dict>"
	a := step(t, f, "a").Transitions[0]
	a.Targets = append(a.Targets, ir.Target{Expr: "self.b if x else self.c", Pos: pos(3, 26)})
	expect(t, f, `
flow.py:2:10: error: self.next with a dict of steps is conditional branching (Metaflow's switch), which flowc does not support [conditional-branching]
	help: `+restructure+`
flow.py:3:26: error: self.next target "self.b if x else self.c" is chosen by an expression, which is conditional branching that flowc does not support [conditional-branching]
	help: name one step`)
}

func TestConditionalFromFrontend(t *testing.T) {
	// The frontend's finding replaces the derived one: one diagnostic per call.
	f := parseFlow(t, "\nstart -> a [while]\na -> end\nend")
	step(t, f, "start").Transitions[0].Problems = []ir.Problem{
		{Check: diag.ConditionalBranching, Pos: pos(2, 10), Message: `self.next inside a "while" loop runs it again and again`},
	}
	expect(t, f, `flow.py:2:10: error: self.next inside a "while" loop runs it again and again [conditional-branching]`)
}

func TestGoMessages(t *testing.T) {
	f := parseFlow(t, `
start -> a b
a -> c
b -> c
c -> end
d -> end [switch]
end`)
	f.Lang, f.Words = ir.Go, golang.Words
	step(t, f, "a").Decorators = []*ir.Decorator{deco(3, "conda")}
	step(t, f, "c").TrailingPos = pos(5, 30)
	expect(t, f, `
flow.py:3:5: warning: //flowc:conda is not supported; it is ignored [decorator]
flow.py:5:5: error: step "c" has 2 incoming transitions, from "a" and "b", but does not take inputs [join-arity]
	help: give it a flow.Inputs parameter
flow.py:5:30: error: code after f.Next in step "c" [invalid-transition]
	help: make f.Next the step's last statement before return
flow.py:6:5: error: step "d" is unreachable from start [unreachable]
	help: lead to it with f.Next or remove it
flow.py:6:10: error: f.Next inside a "switch" statement is conditional branching, which flowc does not support [conditional-branching]
	note: flow.py:6:9: the enclosing "switch"
	help: `+restructure+``)
}
