package check

// EmptyForeach reports a foreach that leads straight to a join.
var EmptyForeach = &Check{
	Name: "empty-foreach",
	Doc: `empty-foreach reports a foreach whose target is a join: its body is empty. Metaflow
crashes on it at run time; flowc rejects it.`,
	Run: func(p *Pass) {
		g := p.Graph
		for v, s := range g.nodes {
			if !g.foreach[v] {
				continue
			}
			for k, w := range g.succ[v] {
				if j := g.nodes[w]; j.IsJoin() {
					p.Reportf(g.tpos[v][k], "foreach %q leads straight to its join %q, so its body is empty; add a step between them", s.Name, j.Name)
				}
			}
		}
	},
}
