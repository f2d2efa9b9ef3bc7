package check

import (
	"github.com/flowc-dev/flowc/compiler/graph"
	"github.com/flowc-dev/flowc/compiler/ir"
)

// Graph is the resolved step graph (compiler/graph) the checks word their findings from; the
// emitters and flowc run read the same graph without importing the checks.
type Graph = graph.Graph

// Loop is one cycle the graph found.
type Loop = graph.Loop

// NewGraph builds f's graph; see graph.New.
func NewGraph(f *ir.Flow) *Graph { return graph.New(f) }
