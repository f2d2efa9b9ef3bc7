package check

import "github.com/flowc-dev/flowc/internal/diag"

// EmptyForeach reports a foreach that leads straight to a join.
var EmptyForeach = &Check{
	Name: diag.EmptyForeach,
	Doc: `empty-foreach reports a foreach whose target is a join: its body is empty. Metaflow
crashes on it at run time; flowc rejects it.`,
	Run: func(p *Pass) {
		g := p.Graph
		for v, s := range g.Nodes() {
			if !g.IsForeach(v) {
				continue
			}
			for k, w := range g.SuccIndexes(v) {
				if j := g.Node(w); j.IsJoin() {
					p.reportFix(g.SuccPos(v, k), "add a step between them", "foreach %q leads straight to its join %q, so its body is empty", s.Name, j.Name)
				}
			}
		}
	},
}
