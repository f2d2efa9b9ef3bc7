package check

import (
	"strings"

	"github.com/flowc-dev/flowc/internal/diag"
)

// Cycle reports each cycle of the graph once.
var Cycle = &Check{
	Name: diag.Cycle,
	Doc: `cycle reports a loop of transitions, once per strongly connected group of steps, at the
transition that closes it, with the path from where the loop is entered. A flow is a DAG.`,
	Run: func(p *Pass) {
		for _, c := range p.Graph.Loops() {
			p.Reportf(c.Pos, "cycle: %s", strings.Join(c.Path, " -> "))
		}
	},
}
