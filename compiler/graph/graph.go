// Package graph resolves a flow's steps into one graph and derives, once, the facts the checks,
// the emitters and flowc run all read: edges, reachability, a topological order, cycles, and the
// split/join structure (which split each join closes, which foreaches enclose each step). It reads
// the IR and imports nothing above it, so a backend can walk the graph without importing the
// checks. It never reports: it records what it finds (Loops, Findings) for compiler/check to word.
package graph

import (
	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// Graph is the step graph of a flow and the facts derived from it: reachability, a topological
// order, cycles, and the split/join structure (which split each join closes, which splits and
// foreaches enclose each step). New builds it once per flow, in time linear in steps and
// edges but for the log factor of the heap that orders Topo; the checks and the emitters read it.
//
// Its nodes are the flow's steps, one per name: when a name is defined twice, the first
// definition is the node and the others are left out (the step-name check reports them). Its
// edges are the targets of each step's resolved transition (ir.Step.Transition) that name a
// step, without repeats, in the order written. The end step has no outgoing edges, as in
// Metaflow, whatever it says.
type Graph struct {
	nodes  []*ir.Step
	index  map[string]int
	succ   [][]int      // distinct known successors, in the order written
	tpos   [][]diag.Pos // tpos[v][i]: where succ[v][i] is named in v's transition
	pred   [][]int      // in step order
	start  int          // -1 when there is no start step
	end    int          // -1 when there is no end step
	reach  []bool       // reachable from start
	topo   []int
	cyclic bool // a cycle among the steps reachable from start
	cycles []Loop
	closes map[[2]int]bool // the edges that close a reported cycle

	foreach []bool // the step's transition is a foreach
	suspect []bool // the step's transition is not a plain static one (see addEdges)
	splits  splitFacts
}

// New builds the graph of f from each step's resolved transition (ir.Step.Transition), the
// one ir.Flow.Resolve takes too; it does not need Resolve to have run.
func New(f *ir.Flow) *Graph {
	if f == nil {
		f = &ir.Flow{}
	}
	g := &Graph{index: make(map[string]int, len(f.Steps)), start: -1, end: -1}
	for _, s := range f.Steps {
		if s == nil {
			continue
		}
		if _, dup := g.index[s.Name]; dup {
			continue
		}
		g.index[s.Name] = len(g.nodes)
		g.nodes = append(g.nodes, s)
	}
	n := len(g.nodes)
	g.succ, g.tpos, g.pred = make([][]int, n), make([][]diag.Pos, n), make([][]int, n)
	g.suspect, g.foreach = make([]bool, n), make([]bool, n)
	stamp := make([]int, n)
	for v, s := range g.nodes {
		g.addEdges(f, v, s, stamp)
	}
	if i, ok := g.index[f.StartName()]; ok {
		g.start = i
	}
	if i, ok := g.index[f.EndName()]; ok {
		g.end = i
	}
	g.markReachable()
	g.sortTopo()
	g.findCycles()
	g.propagateSplits()
	return g
}

// addEdges adds v's outgoing edges and decides whether v is suspect. stamp[w] == v+1 marks w as
// a successor of v already, so that repeats cost O(1) without a map per step.
func (g *Graph) addEdges(f *ir.Flow, v int, s *ir.Step, stamp []int) {
	t := s.Transition()
	g.suspect[v] = len(s.Transitions) > 1 || t == nil && len(s.Transitions) > 0 || t != nil && oddTransition(t)
	if t == nil || f.IsEnd(s) {
		return
	}
	g.foreach[v] = t.Foreach != ""
	for _, tg := range t.Targets {
		w, ok := g.index[tg.Name]
		switch {
		case !ok || tg.Name == "" || tg.Expr != "":
			g.suspect[v] = true
		case stamp[w] == v+1:
			g.suspect[v] = true
		default:
			stamp[w] = v + 1
			g.succ[v] = append(g.succ[v], w)
			g.tpos[v] = append(g.tpos[v], tg.Pos)
			g.pred[w] = append(g.pred[w], v)
		}
	}
}

// oddTransition reports whether t is conditional, parallel, without targets or a foreach with
// other than one target. With the other conditions in addEdges, a step is suspect when the graph
// may not be what its author meant: several transitions or none usable, or one that is odd or
// names a target that is an expression, unknown or repeated. Other checks report these; the
// split/join checks stay quiet downstream of them rather than report consequences.
func oddTransition(t *ir.Transition) bool {
	return t.Context != "" || t.Condition != "" || t.NumParallel || len(t.Targets) == 0 ||
		t.Foreach != "" && len(t.Targets) != 1
}

// Step returns the graph's step named name (the first definition), or nil.
func (g *Graph) Step(name string) *ir.Step {
	if i, ok := g.index[name]; ok {
		return g.nodes[i]
	}
	return nil
}

// Succs returns the names of the steps that name's transition leads to, in the order written,
// without repeats or unknown names.
func (g *Graph) Succs(name string) []string { return g.names(g.succ, name) }

// Preds returns the names of the steps whose transitions lead to name, in step order, reachable
// from start or not.
func (g *Graph) Preds(name string) []string { return g.names(g.pred, name) }

func (g *Graph) names(adj [][]int, name string) []string {
	i, ok := g.index[name]
	if !ok {
		return nil
	}
	return g.NamesOf(adj[i])
}

// Reachable reports whether the step named name is reachable from start along resolved
// transitions. Without a start step nothing is.
func (g *Graph) Reachable(name string) bool {
	i, ok := g.index[name]
	return ok && g.reach[i]
}

// Topo returns the steps reachable from start in a topological order, ties broken by step order,
// so that the order is the same on every run. ok is false when those steps contain a cycle; the
// steps on or after it are then left out.
func (g *Graph) Topo() (steps []*ir.Step, ok bool) {
	steps = make([]*ir.Step, len(g.topo))
	for k, v := range g.topo {
		steps[k] = g.nodes[v]
	}
	return steps, !g.cyclic
}

// markReachable walks the graph from start, iteratively so that a long flow cannot overflow the
// goroutine stack.
func (g *Graph) markReachable() {
	g.reach = make([]bool, len(g.nodes))
	if g.start < 0 {
		return
	}
	work := []int{g.start}
	g.reach[g.start] = true
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		for _, w := range g.succ[v] {
			if !g.reach[w] {
				g.reach[w] = true
				work = append(work, w)
			}
		}
	}
}

// sortTopo is Kahn's algorithm over the reachable steps with a min-heap of step indexes, so the
// ready step that comes first in the source goes first: O((V+E) log V).
func (g *Graph) sortTopo() {
	indeg := make([]int, len(g.nodes))
	total := 0
	for v := range g.nodes {
		if !g.reach[v] {
			continue
		}
		total++
		for _, w := range g.succ[v] {
			indeg[w]++
		}
	}
	var h intHeap
	if g.start >= 0 && indeg[g.start] == 0 {
		h.push(g.start)
	}
	for h.len() > 0 {
		v := h.pop()
		g.topo = append(g.topo, v)
		for _, w := range g.succ[v] {
			if indeg[w]--; indeg[w] == 0 {
				h.push(w)
			}
		}
	}
	g.cyclic = len(g.topo) != total
}

// intHeap is a min-heap of ints; container/heap would box every element in an interface.
type intHeap []int

func (h intHeap) len() int { return len(h) }

func (h *intHeap) push(x int) {
	*h = append(*h, x)
	a := *h
	for i := len(a) - 1; i > 0; {
		p := (i - 1) / 2
		if a[p] <= a[i] {
			break
		}
		a[p], a[i] = a[i], a[p]
		i = p
	}
}

func (h *intHeap) pop() int {
	a := *h
	top := a[0]
	last := len(a) - 1
	a[0] = a[last]
	a = a[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(a) && a[l] < a[m] {
			m = l
		}
		if r < len(a) && a[r] < a[m] {
			m = r
		}
		if m == i {
			break
		}
		a[i], a[m] = a[m], a[i]
		i = m
	}
	*h = a
	return top
}
