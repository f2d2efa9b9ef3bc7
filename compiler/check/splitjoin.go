package check

import (
	"fmt"

	"github.com/flowc-dev/flowc/internal/diag"
)

// The four checks below word what the split/join pass over the graph found (graph_splits.go).

// UnjoinedSplit reports splits whose branches reach end without a join.
var UnjoinedSplit = &Check{
	Name: diag.UnjoinedSplit,
	Doc: `unjoined-split reports a split or foreach one of whose branches reaches end before the
branches meet in a join, at the split's transition.`,
	Run: func(p *Pass) {
		g := p.Graph
		for _, f := range g.Findings(p.Check.Name) {
			s := g.Node(f.Split)
			via := fmt.Sprintf("%q reaches \"end\" without a join", g.Node(f.A).Name)
			if f.A == f.Split {
				via = "it leads straight to \"end\""
			}
			p.reportFix(transitionPos(g, f.Split), `add a join step before "end"`, "%s %q is never joined: %s", splitWord(g, f.Split), s.Name, via)
		}
	},
}

// JoinArity reports steps whose predecessors do not fit their signature.
var JoinArity = &Check{
	Name: diag.JoinArity,
	Doc: `join-arity reports a join whose predecessors are not all the branches of the split it
closes, and a step that is not a join but has several predecessors (it should take inputs).`,
	Run: func(p *Pass) {
		g := p.Graph
		for _, f := range g.Findings(p.Check.Name) {
			s := g.Node(f.Step)
			preds := g.NamesOf(g.ReachablePreds(f.Step))
			switch {
			case f.Split >= 0:
				sp := g.Node(f.Split)
				branches := g.Succs(sp.Name)
				p.Reportf(s.Pos, "join %q joins %s, but %s %q has %d %s: %s", s.Name, quoteList(preds),
					splitWord(g, f.Split), sp.Name, len(branches), plural(len(branches), "branch", "branches"), quoteList(branches))
			case f.Step == g.EndIndex():
				p.reportFix(s.Pos, `add a join step before "end"`, "step \"end\" has %d incoming transitions, from %s",
					len(preds), quoteList(preds))
			default:
				p.reportFix(s.Pos, joinSignature(p.Flow, s.Name), "step %q has %d incoming transitions, from %s, but does not take inputs",
					s.Name, len(preds), quoteList(preds))
			}
		}
	},
}

// JoinWithoutSplit reports joins that no split leads to.
var JoinWithoutSplit = &Check{
	Name: diag.JoinWithoutSplit,
	Doc:  `join-without-split reports a step that takes inputs, as a join does, but is not inside any split.`,
	Run: func(p *Pass) {
		g := p.Graph
		for _, f := range g.Findings(p.Check.Name) {
			s := g.Node(f.Step)
			p.reportFix(s.Pos, fmt.Sprintf("remove %s or add a split before it", inputsParam(p.Flow)),
				"step %q takes inputs, so it is a join, but no split leads to it", s.Name)
		}
	},
}

// CrossJoin reports joins whose predecessors come from different splits.
var CrossJoin = &Check{
	Name: diag.CrossJoin,
	Doc: `cross-join reports a join whose predecessors are inside different splits, such as a branch
of one split and a branch of a split nested in another branch: each split needs its own join.`,
	Run: func(p *Pass) {
		g := p.Graph
		for _, f := range g.Findings(p.Check.Name) {
			p.Reportf(g.Node(f.Step).Pos, "join %q joins steps from different splits: %s and %s",
				g.Node(f.Step).Name, whereIs(g, f.A), whereIs(g, f.B))
		}
	},
}

// whereIs words the split a step passes its successors on inside of.
func whereIs(g *Graph, v int) string {
	name := g.Node(v).Name
	split := g.OutSplit(v)
	if split < 0 {
		return fmt.Sprintf("%q is outside any split", name)
	}
	return fmt.Sprintf("%q is inside %s %q", name, splitWord(g, split), g.Node(split).Name)
}

// transitionPos is where step v's resolved transition is written, or the step when it has none.
func transitionPos(g *Graph, v int) diag.Pos {
	s := g.Node(v)
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
func splitWord(g *Graph, v int) string {
	if g.IsForeach(v) {
		return "foreach"
	}
	return "split"
}
