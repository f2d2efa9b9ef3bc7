package check

import "github.com/flowc-dev/flowc/compiler/ir"

// NoStart reports a flow without a start step.
var NoStart = &Check{
	Name: "no-start",
	Doc:  `no-start reports a flow without a step named start, where every run begins.`,
	Run: func(p *Pass) {
		if p.Flow.Step("start") == nil {
			p.Reportf(p.Flow.Pos, "flow %q has no start step; add a step named \"start\"", p.Flow.Name)
		}
	},
}

// NoEnd reports a flow without an end step.
var NoEnd = &Check{
	Name: "no-end",
	Doc:  `no-end reports a flow without a step named end, where every run finishes.`,
	Run: func(p *Pass) {
		if p.Flow.Step("end") == nil {
			p.Reportf(p.Flow.Pos, "flow %q has no end step; add a step named \"end\"", p.Flow.Name)
		}
	},
}

// StartIncoming reports transitions to start. One that closes a cycle is left to the cycle check.
var StartIncoming = &Check{
	Name: "start-incoming",
	Doc: `start-incoming reports a transition whose target is start: the start step runs once, first.
A transition that closes a reported cycle is reported by the cycle check instead, and one in end
by end-outgoing.`,
	Run: func(p *Pass) {
		g := p.Graph
		for _, s := range p.Flow.Steps {
			if s.Name == "end" { // end-outgoing: remove the call
				continue
			}
			for _, t := range s.Transitions {
				for _, tg := range t.Targets {
					if tg.Name != "start" || g.closesCycleAt(s, t, tg.Name) {
						continue
					}
					p.Reportf(tg.Pos, "step %q leads to \"start\", but no step can: the flow begins at start", s.Name)
				}
			}
		}
	},
}

// closesCycleAt reports whether target in step s's transition t is an edge that closes a reported
// cycle: t is the transition the graph took for s, and s is the graph's step of its name.
func (g *Graph) closesCycleAt(s *ir.Step, t *ir.Transition, target string) bool {
	v, ok := g.index[s.Name]
	if !ok || g.nodes[v] != s || s.Transition() != t {
		return false
	}
	w, ok := g.index[target]
	return ok && g.closesCycle(v, w)
}

// EndOutgoing reports transitions out of end.
var EndOutgoing = &Check{
	Name: "end-outgoing",
	Doc:  `end-outgoing reports a transition in the end step: the flow finishes at end.`,
	Run: func(p *Pass) {
		for _, s := range p.Flow.Steps {
			if s.Name != "end" {
				continue
			}
			for _, t := range s.Transitions {
				p.Reportf(t.Pos, "step \"end\" calls %s; the flow finishes at end, remove the call", nextCall(p.Flow))
			}
		}
	},
}

// EndIsJoin reports an end step that takes inputs.
var EndIsJoin = &Check{
	Name: "end-is-join",
	Doc: `end-is-join reports an end step declared as a join. Metaflow rejects it too: join the
branches in a step of their own, before end.`,
	Run: func(p *Pass) {
		for _, s := range p.Flow.Steps {
			if s.Name == "end" && s.IsJoin() {
				p.Reportf(s.Pos, "step \"end\" takes inputs, but end cannot be a join; add a join step before \"end\"")
			}
		}
	},
}
