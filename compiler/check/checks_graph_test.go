package check

import "testing"

func TestReservedWord(t *testing.T) {
	expect(t, parseFlow(t, `
start -> name
name -> merge_artifacts
merge_artifacts -> end
end`), `
flow.py:3:5: error: step name "name" is a reserved word [reserved-word]
	help: choose another name
flow.py:4:5: error: step name "merge_artifacts" is a reserved word [reserved-word]
	help: choose another name`)
}

func TestNoStartNoEnd(t *testing.T) {
	// One diagnostic each, naming the step that looks meant, not a cascade.
	expect(t, parseFlow(t, "\na -> b\nb"), `
flow.py:1:7: error: flow "TestFlow" has no end step [no-end]
	help: is it "b"? mark it @step(end=True), or name a step "end"
flow.py:1:7: error: flow "TestFlow" has no start step [no-start]
	help: is it "a"? mark it @step(start=True), or name a step "start"`)
	expect(t, parseFlow(t, ""), `
flow.py:1:7: error: flow "TestFlow" has no end step [no-end]
	help: name a step "end" or mark one @step(end=True)
flow.py:1:7: error: flow "TestFlow" has no start step [no-start]
	help: name a step "start" or mark one @step(start=True)`)
}

func TestJoinThatSplits(t *testing.T) {
	// Metaflow's num-args rule: a join may not also be a split (a foreach is allowed).
	expect(t, parseFlow(t, `
start -> a b
a -> j1
b -> j1
j1(inputs) -> c d
c -> j2
d -> j2
j2(inputs) -> end
end`), `
flow.py:5:5: error: step "j1" is both a join (it takes inputs) and a split (it leads to several steps) [num-args]
	help: add a step so that the join and the split are separate steps`)
}

func TestStartIncoming(t *testing.T) {
	// The first transition to start closes a cycle and is reported as one; the second is not.
	expect(t, parseFlow(t, `
start -> a b
a -> start
b -> start
end`), `
flow.py:3:20: error: cycle: start -> a -> start [cycle]
flow.py:4:20: error: step "b" leads to "start", but no step can: the flow begins at start [start-incoming]
flow.py:5:5: error: step "end" is unreachable from start [unreachable]
	help: lead to it with self.next or remove it`)
}

func TestEndOutgoingAndEndIsJoin(t *testing.T) {
	expect(t, parseFlow(t, `
start -> a b
a -> end
b -> end
end(inputs) -> start`), `
flow.py:5:5: error: step "end" takes inputs, but the end step cannot be a join [end-is-join]
	help: add a join step before "end"
flow.py:5:10: error: step "end" calls self.next, but the flow finishes at end [end-outgoing]
	help: remove the call`)
}

func TestStepName(t *testing.T) {
	expect(t, parseFlow(t, `
start -> Load _x
Load -> join
_x -> join
join(inputs) -> end
join -> end
end`), `
flow.py:3:5: error: step name "Load" is invalid: use lowercase letters, digits and underscores, not starting with an underscore [step-name]
flow.py:4:5: error: step name "_x" is invalid: use lowercase letters, digits and underscores, not starting with an underscore [step-name]
flow.py:6:5: error: step "join" is defined more than once [step-name]
	note: flow.py:5:5: first defined here`)
}

func TestNumArgs(t *testing.T) {
	expect(t, parseFlow(t, `
start/2 -> a
a/3 -> b
b/0 -> end
end`), `
flow.py:2:5: error: step "start" takes inputs, but the start step cannot be a join [num-args]
	help: remove the inputs argument
flow.py:3:5: error: step "a" has too many arguments; a join takes (self, inputs), other steps take (self) [num-args]
flow.py:4:5: error: step "b" is missing the self argument [num-args]`)
}

func TestMissingNext(t *testing.T) {
	// The missing transition loses a branch: the join's arity is not reported on top of it.
	expect(t, parseFlow(t, `
start -> a b
a -> join
b
join(inputs) -> end
end`), `flow.py:4:5: error: step "b" has no transition [missing-next]
	help: add self.next(...) as its last statement`)
}

func TestUnknownStep(t *testing.T) {
	expect(t, parseFlow(t, `
start -> sart
sart2 -> strat
transform -> transfrom x
end`), `
flow.py:2:20: error: unknown step "sart" in self.next [unknown-step]
	help: did you mean "start"?
flow.py:3:20: error: unknown step "strat" in self.next [unknown-step]
	help: did you mean "start"?
flow.py:4:20: error: unknown step "transfrom" in self.next [unknown-step]
	help: did you mean "transform"?
flow.py:4:26: error: unknown step "x" in self.next [unknown-step]`)
}

func TestCycle(t *testing.T) {
	expect(t, parseFlow(t, `
start -> a
a -> b
b -> c
c -> a end
d -> d
end`), `
flow.py:5:20: error: cycle: a -> b -> c -> a [cycle]
flow.py:6:5: error: step "d" is unreachable from start [unreachable]
	help: lead to it with self.next or remove it
flow.py:6:20: error: cycle: d -> d [cycle]`)
}

func TestUnreachable(t *testing.T) {
	// c is named only by a second transition, which the graph ignores: it is still reachable
	// for this check, and the second transition is the one reported.
	expect(t, parseFlow(t, `
start -> a
a -> end | -> c
c -> end
lost -> end
end`), `
flow.py:3:50: error: step "a" calls self.next more than once; a step has exactly one transition, as its last statement [invalid-transition]
flow.py:5:5: error: step "lost" is unreachable from start [unreachable]
	help: lead to it with self.next or remove it`)
}

func TestUnjoinedSplit(t *testing.T) {
	expect(t, parseFlow(t, `
start -> a b
a -> end
b -> end
end`), `flow.py:2:10: error: split "start" is never joined: "a" reaches "end" without a join [unjoined-split]
	help: add a join step before "end"`)
	expect(t, parseFlow(t, `
start -> x foreach=xs
x -> y foreach=ys
y -> yj
yj(inputs) -> end
end`), `flow.py:2:10: error: foreach "start" is never joined: "yj" reaches "end" without a join [unjoined-split]
	help: add a join step before "end"`)
	expect(t, parseFlow(t, `
start -> end a
a -> end
end`), `flow.py:2:10: error: split "start" is never joined: it leads straight to "end" [unjoined-split]
	help: add a join step before "end"`)
}

func TestJoinArity(t *testing.T) {
	expect(t, parseFlow(t, `
start -> a b c
a -> j
b -> j
c -> j2
j(inputs) -> j2
j2(inputs) -> end
end`), `flow.py:6:5: error: join "j" joins "a" and "b", but split "start" has 3 branches: "a", "b" and "c" [join-arity]`)
	expect(t, parseFlow(t, `
start -> a b
a -> c
b -> c
c -> end
end`), `flow.py:5:5: error: step "c" has 2 incoming transitions, from "a" and "b", but does not take inputs [join-arity]
	help: declare it as def c(self, inputs)`)
}

func TestJoinWithoutSplit(t *testing.T) {
	expect(t, parseFlow(t, `
start -> a
a(inputs) -> end
end`), `flow.py:3:5: error: step "a" takes inputs, so it is a join, but no split leads to it [join-without-split]
	help: remove the inputs argument or add a split before it`)
}

func TestCrossJoin(t *testing.T) {
	expect(t, parseFlow(t, `
start -> a b
a -> x y
x -> j
y -> j2
b -> j
j(inputs) -> end
j2(inputs) -> end
end`), `
flow.py:7:5: error: join "j" joins steps from different splits: "x" is inside split "a" and "b" is inside split "start" [cross-join]
flow.py:8:5: error: join "j2" joins "y", but split "a" has 2 branches: "x" and "y" [join-arity]`)
}

func TestEmptyForeach(t *testing.T) {
	expect(t, parseFlow(t, `
start -> j foreach=items
j(inputs) -> end
end`), `flow.py:2:20: error: foreach "start" leads straight to its join "j", so its body is empty [empty-foreach]
	help: add a step between them`)
}
