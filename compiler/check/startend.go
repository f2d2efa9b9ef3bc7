package check

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// NoStart reports a flow without a start step.
var NoStart = &Check{
	Name: diag.NoStart,
	Doc: `no-start reports a flow without a start step, where every run begins: a step named start,
or the one step marked @step(start=True). Two marked steps, or a marked step beside a step named
start, are ambiguous, as in Metaflow.`,
	Run: func(p *Pass) { checkTerminal(p, "start", p.Flow.Start) },
}

// NoEnd reports a flow without an end step.
var NoEnd = &Check{
	Name: diag.NoEnd,
	Doc: `no-end reports a flow without an end step, where every run finishes: a step named end, or
the one step marked @step(end=True). Two marked steps, or a marked step beside a step named end,
are ambiguous, as in Metaflow.`,
	Run: func(p *Pass) { checkTerminal(p, "end", p.Flow.End) },
}

// checkTerminal reports what is wrong with the flow's start or end step (which is role): none,
// several marked, or a marked one beside a step of the role's name.
func checkTerminal(p *Pass, role, marked string) {
	f := p.Flow
	var flagged []*ir.Step
	for _, s := range f.Steps {
		if stepMarked(s, role) {
			flagged = append(flagged, s)
		}
	}
	switch {
	case len(flagged) > 1:
		names := make([]string, len(flagged))
		for i, s := range flagged {
			names[i] = strconv.Quote(s.Name)
		}
		p.Reportf(flagged[1].DecoPos, "steps %s are all marked @step(%s=True); a flow has exactly one %s step",
			strings.Join(names, ", "), role, role)
	case marked != "" && marked != role && f.Step(role) != nil:
		p.reportFix(f.Step(role).Pos, fmt.Sprintf("rename %q or remove the mark", role),
			"step %q is marked @step(%s=True), but a step named %q exists too", marked, role, role)
	case f.Step(f.StepRole(role)) == nil:
		p.reportFix(f.Pos, howToMark(p, role), "flow %q has no %s step", f.Name, role)
	}
}

// howToMark says how to give the flow its start or end step, naming the step that looks meant.
func howToMark(p *Pass, role string) string {
	s := candidate(p, role)
	if !words(p.Flow).Marks { // Go steps are named after their methods, and have no marks
		if s != nil {
			return fmt.Sprintf("add a step named %q (is it %q? rename it)", role, s.Name)
		}
		return fmt.Sprintf("add a step named %q", role)
	}
	if s != nil {
		return fmt.Sprintf("is it %q? mark it @step(%s=True), or name a step %q", s.Name, role, role)
	}
	return fmt.Sprintf("name a step %q or mark one @step(%s=True)", role, role)
}

// candidate is the one step that looks meant to play role: for end, the one step without a
// transition; for start, the one step no other step leads to. nil when there is not exactly one.
func candidate(p *Pass, role string) *ir.Step {
	if role == "end" {
		return endCandidate(p.Flow)
	}
	var found *ir.Step
	for _, s := range p.Flow.Steps {
		if len(p.Graph.Preds(s.Name)) == 0 {
			if found != nil {
				return nil
			}
			found = s
		}
	}
	return found
}

// endCandidate is, in a flow without an end step, its one step without a transition, or nil.
func endCandidate(f *ir.Flow) *ir.Step {
	if f.Step(f.EndName()) != nil {
		return nil
	}
	var found *ir.Step
	for _, s := range f.Steps {
		if len(s.Transitions) == 0 {
			if found != nil {
				return nil
			}
			found = s
		}
	}
	if found != nil && f.IsStart(found) {
		return nil // the flow begins there; it cannot also be the end
	}
	return found
}

// stepMarked reports whether s carries @step(role=True).
func stepMarked(s *ir.Step, role string) bool {
	for _, d := range s.Decorators {
		if d.Name != "step" {
			continue
		}
		if a := d.Arg(role); a != nil && a.Value.Kind == ir.ValBool && a.Value.Bool {
			return true
		}
	}
	return false
}

// StartIncoming reports transitions to start. One that closes a cycle is left to the cycle check.
var StartIncoming = &Check{
	Name: diag.StartIncoming,
	Doc: `start-incoming reports a transition whose target is start: the start step runs once, first.
A transition that closes a reported cycle is reported by the cycle check instead, and one in end
by end-outgoing.`,
	Run: func(p *Pass) {
		g := p.Graph
		for _, s := range p.Flow.Steps {
			if p.Flow.IsEnd(s) { // end-outgoing: remove the call
				continue
			}
			start := p.Flow.StartName()
			for _, t := range s.Transitions {
				for _, tg := range t.Targets {
					if tg.Name != start || closesCycleAt(g, s, t, tg.Name) {
						continue
					}
					p.Reportf(tg.Pos, "step %q leads to %q, but no step can: the flow begins at %s", s.Name, start, start)
				}
			}
		}
	},
}

// closesCycleAt reports whether target in step s's transition t is an edge that closes a reported
// cycle: t is the transition the graph took for s, and s is the graph's step of its name.
func closesCycleAt(g *Graph, s *ir.Step, t *ir.Transition, target string) bool {
	v, ok := g.IndexOf(s.Name)
	if !ok || g.Node(v) != s || s.Transition() != t {
		return false
	}
	w, ok := g.IndexOf(target)
	return ok && g.ClosesCycle(v, w)
}

// EndOutgoing reports transitions out of end.
var EndOutgoing = &Check{
	Name: diag.EndOutgoing,
	Doc:  `end-outgoing reports a transition in the end step: the flow finishes at end.`,
	Run: func(p *Pass) {
		for _, s := range p.Flow.Steps {
			if !p.Flow.IsEnd(s) {
				continue
			}
			for _, t := range s.Transitions {
				p.reportFix(t.Pos, "remove the call", "step %q calls %s, but the flow finishes at %s", s.Name, nextCall(p.Flow), s.Name)
			}
		}
	},
}

// EndIsJoin reports an end step that takes inputs.
var EndIsJoin = &Check{
	Name: diag.EndIsJoin,
	Doc: `end-is-join reports an end step declared as a join. Metaflow rejects it too: join the
branches in a step of their own, before end.`,
	Run: func(p *Pass) {
		for _, s := range p.Flow.Steps {
			if p.Flow.IsEnd(s) && s.IsJoin() {
				p.reportFix(s.Pos, fmt.Sprintf("add a join step before %q", s.Name), "step %q takes inputs, but the end step cannot be a join", s.Name)
			}
		}
	},
}
