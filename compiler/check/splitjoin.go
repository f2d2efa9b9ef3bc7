package check

import (
	"fmt"

	"github.com/flowc-dev/flowc/internal/diag"
)

// The four checks below word what the split/join pass over the graph found (graph_splits.go).

// UnjoinedSplit reports splits whose branches reach end without a join.
var UnjoinedSplit = &Check{
	Name: "unjoined-split",
	Doc: `unjoined-split reports a split or foreach one of whose branches reaches end before the
branches meet in a join, at the split's transition.`,
	Run: func(p *Pass) {
		g := p.Graph
		for _, f := range g.findings(p.Check.Name) {
			s := g.nodes[f.split]
			via := fmt.Sprintf("%q reaches \"end\" without a join", g.nodes[f.a].Name)
			if f.a == f.split {
				via = "it leads straight to \"end\""
			}
			p.Reportf(g.transitionPos(f.split), "%s %q is never joined: %s; add a join step before \"end\"", g.splitWord(f.split), s.Name, via)
		}
	},
}

// JoinArity reports steps whose predecessors do not fit their signature.
var JoinArity = &Check{
	Name: "join-arity",
	Doc: `join-arity reports a join whose predecessors are not all the branches of the split it
closes, and a step that is not a join but has several predecessors (it should take inputs).`,
	Run: func(p *Pass) {
		g := p.Graph
		for _, f := range g.findings(p.Check.Name) {
			s := g.nodes[f.step]
			preds := g.namesOf(g.reachablePreds(f.step))
			switch {
			case f.split >= 0:
				sp := g.nodes[f.split]
				branches := g.Succs(sp.Name)
				p.Reportf(s.Pos, "join %q joins %s, but %s %q has %d %s: %s", s.Name, quoteList(preds),
					g.splitWord(f.split), sp.Name, len(branches), plural(len(branches), "branch", "branches"), quoteList(branches))
			case f.step == g.end:
				p.Reportf(s.Pos, "step \"end\" has %d incoming transitions, from %s; add a join step before \"end\"",
					len(preds), quoteList(preds))
			default:
				p.Reportf(s.Pos, "step %q has %d incoming transitions, from %s, but does not take inputs; %s",
					s.Name, len(preds), quoteList(preds), joinSignature(p.Flow, s.Name))
			}
		}
	},
}

// JoinWithoutSplit reports joins that no split leads to.
var JoinWithoutSplit = &Check{
	Name: "join-without-split",
	Doc:  `join-without-split reports a step that takes inputs, as a join does, but is not inside any split.`,
	Run: func(p *Pass) {
		g := p.Graph
		for _, f := range g.findings(p.Check.Name) {
			s := g.nodes[f.step]
			p.Reportf(s.Pos, "step %q takes inputs, so it is a join, but no split leads to it; remove %s or add a split before it",
				s.Name, inputsParam(p.Flow))
		}
	},
}

// CrossJoin reports joins whose predecessors come from different splits.
var CrossJoin = &Check{
	Name: "cross-join",
	Doc: `cross-join reports a join whose predecessors are inside different splits, such as a branch
of one split and a branch of a split nested in another branch: each split needs its own join.`,
	Run: func(p *Pass) {
		g := p.Graph
		for _, f := range g.findings(p.Check.Name) {
			p.Reportf(g.nodes[f.step].Pos, "join %q joins steps from different splits: %s and %s",
				g.nodes[f.step].Name, g.whereIs(f.a), g.whereIs(f.b))
		}
	},
}

func (g *Graph) findings(check string) []splitFinding {
	var out []splitFinding
	for _, f := range g.splits.findings {
		if f.check == check {
			out = append(out, f)
		}
	}
	return out
}

func (g *Graph) namesOf(steps []int) []string {
	out := make([]string, len(steps))
	for i, v := range steps {
		out[i] = g.nodes[v].Name
	}
	return out
}

// whereIs words the split a step passes its successors on inside of.
func (g *Graph) whereIs(v int) string {
	name := g.nodes[v].Name
	f := g.splits.out[v]
	if f == nil {
		return fmt.Sprintf("%q is outside any split", name)
	}
	sp := g.nodes[f.split]
	return fmt.Sprintf("%q is inside %s %q", name, g.splitWord(f.split), sp.Name)
}

// transitionPos is where step v's resolved transition is written, or the step when it has none.
func (g *Graph) transitionPos(v int) diag.Pos {
	s := g.nodes[v]
	if t := s.Transition(); t != nil && t.Pos.IsValid() {
		return t.Pos
	}
	return s.Pos
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// splitWord is "foreach" for a foreach step and "split" for the others.
func (g *Graph) splitWord(v int) string {
	if g.foreach[v] {
		return "foreach"
	}
	return "split"
}
