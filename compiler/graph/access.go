package graph

import (
	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// The index-based view below is for compiler/check, which words what the graph found. Node
// indexes run from 0 to Len()-1 in step order; a step defined twice has the first definition's
// index. Every slice returned belongs to the Graph: callers read it and never modify it.

// Len is the number of nodes.
func (g *Graph) Len() int { return len(g.nodes) }

// Nodes lists the nodes in step order.
func (g *Graph) Nodes() []*ir.Step { return g.nodes }

// Node is the step at index v.
func (g *Graph) Node(v int) *ir.Step { return g.nodes[v] }

// IndexOf is the index of the named step.
func (g *Graph) IndexOf(name string) (int, bool) {
	v, ok := g.index[name]
	return v, ok
}

// StartIndex and EndIndex are the start and end steps' indexes, -1 when there is none.
func (g *Graph) StartIndex() int { return g.start }

// EndIndex is the end step's index, -1 when there is none.
func (g *Graph) EndIndex() int { return g.end }

// SuccIndexes are v's distinct known successors, in the order written.
func (g *Graph) SuccIndexes(v int) []int { return g.succ[v] }

// SuccPos is where v's k-th successor (SuccIndexes(v)[k]) is named in v's transition.
func (g *Graph) SuccPos(v, k int) diag.Pos { return g.tpos[v][k] }

// IsForeach reports whether v's transition is a foreach.
func (g *Graph) IsForeach(v int) bool { return g.foreach[v] }

// ForeachStep reports whether the named step's transition is a foreach.
func (g *Graph) ForeachStep(name string) bool {
	v, ok := g.index[name]
	return ok && g.foreach[v]
}

// ClosesCycle reports whether the edge v -> w closes a cycle that Loops lists.
func (g *Graph) ClosesCycle(v, w int) bool { return g.closesCycle(v, w) }

// ReachablePreds are v's predecessors that start reaches.
func (g *Graph) ReachablePreds(v int) []int { return g.reachablePreds(v) }

// Findings lists what the split pass found under one check id, in the order found.
func (g *Graph) Findings(check diag.ID) []Finding {
	var out []Finding
	for _, f := range g.splits.findings {
		if f.Check == check {
			out = append(out, f)
		}
	}
	return out
}

// OutSplit is the innermost split whose branch v passes its successors on inside of, or -1.
func (g *Graph) OutSplit(v int) int {
	if f := g.splits.out[v]; f != nil {
		return f.split
	}
	return -1
}

// NamesOf is the names of the steps at indexes vs.
func (g *Graph) NamesOf(vs []int) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = g.nodes[v].Name
	}
	return out
}
