package check

import (
	"fmt"

	"github.com/flowc-dev/flowc/internal/diag"
)

// Unreachable reports steps that no path from start leads to.
var Unreachable = &Check{
	Name: diag.Unreachable,
	Doc: `unreachable reports a step that no chain of transitions from start leads to. To report
causes rather than consequences it follows every transition of a step, including those other
checks reject (a second self.next, one under an "if"), where the graph follows only the first.
While a transition names an unknown step (a typo, most often of the step it was meant to reach)
or chooses its target by an expression, nothing is reported: the graph is not the one the user
meant, and unknown-step or conditional-branching says why.`,
	Run: func(p *Pass) {
		g := p.Graph
		if g.StartIndex() < 0 || hasUnknownTarget(p) {
			return
		}
		seen := make([]bool, g.Len())
		seen[g.StartIndex()] = true
		work := []int{g.StartIndex()}
		for len(work) > 0 {
			v := work[len(work)-1]
			work = work[:len(work)-1]
			for _, t := range g.Node(v).Transitions {
				for _, tg := range t.Targets {
					if w, ok := g.IndexOf(tg.Name); ok && !seen[w] {
						seen[w] = true
						work = append(work, w)
					}
				}
			}
		}
		for v, s := range g.Nodes() {
			if !seen[v] {
				p.reportFix(s.Pos, fmt.Sprintf("lead to it with %s or remove it", nextCall(p.Flow)), "step %q is unreachable from start", s.Name)
			}
		}
	},
}

// hasUnknownTarget reports whether any transition names a step the flow does not have, or
// computes its target.
func hasUnknownTarget(p *Pass) bool {
	for _, s := range p.Flow.Steps {
		for _, t := range s.Transitions {
			for _, tg := range t.Targets {
				if tg.Name == "" || p.Graph.Step(tg.Name) == nil {
					return true
				}
			}
		}
	}
	return false
}
