package graph

import "github.com/flowc-dev/flowc/internal/diag"

// Loop is one cycle of the graph. Cycles are found by a depth-first search from start and then
// from every step not yet visited, in step order, following edges in the order written; a cycle
// is reported once per strongly connected component, at the first back edge the search meets in
// it. That keeps the total length of all reported paths within the number of steps, where
// reporting every back edge with its path could be quadratic.
type Loop struct {
	Path []string // from the cycle's entry (where the search first reached it) back to the entry
	From string   // the step whose transition closes the cycle
	Pos  diag.Pos // where From's transition names Path[0]
}

// Loops returns the graph's cycles, in the order the search found them.
func (g *Graph) Loops() []Loop { return g.cycles }

// closesCycle reports whether the edge from v to w is the one a reported cycle ends with.
func (g *Graph) closesCycle(v, w int) bool { return g.closes[[2]int{v, w}] }

// dfsRoots is the order searches start in: start first, then every step in step order.
func (g *Graph) dfsRoots() []int {
	roots := make([]int, 0, len(g.nodes)+1)
	if g.start >= 0 {
		roots = append(roots, g.start)
	}
	for v := range g.nodes {
		roots = append(roots, v)
	}
	return roots
}

// dfsFrame is a step on an iterative depth-first search's path and the next edge to follow.
type dfsFrame struct{ v, i int }

// components labels each step with its strongly connected component (Tarjan's algorithm, made
// iterative so that a long chain of steps cannot overflow the stack).
func (g *Graph) components() []int {
	n := len(g.nodes)
	order, low, comp := make([]int, n), make([]int, n), make([]int, n)
	onStack := make([]bool, n)
	var stack []int
	var call []dfsFrame
	counter, ncomp := 0, 0
	enter := func(v int) {
		counter++
		order[v], low[v] = counter, counter
		stack = append(stack, v)
		onStack[v] = true
		call = append(call, dfsFrame{v: v})
	}
	for _, root := range g.dfsRoots() {
		if order[root] != 0 {
			continue
		}
		enter(root)
		for len(call) > 0 {
			top := &call[len(call)-1]
			v := top.v
			if top.i < len(g.succ[v]) {
				w := g.succ[v][top.i]
				top.i++
				if order[w] == 0 {
					enter(w)
				} else if onStack[w] {
					low[v] = min(low[v], order[w])
				}
				continue
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				u := call[len(call)-1].v
				low[u] = min(low[u], low[v])
			}
			if low[v] != order[v] {
				continue
			}
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp[w] = ncomp
				if w == v {
					break
				}
			}
			ncomp++
		}
	}
	return comp
}

// findCycles runs a second depth-first search that reports the first back edge of each
// component, with the path from its target to its source taken off the search path.
func (g *Graph) findCycles() {
	comp := g.components()
	n := len(g.nodes)
	const white, grey, black = 0, 1, 2
	state, at := make([]int, n), make([]int, n)
	reported := make(map[int]bool)
	g.closes = make(map[[2]int]bool)
	var path []dfsFrame
	for _, root := range g.dfsRoots() {
		if state[root] != white {
			continue
		}
		state[root], at[root] = grey, 0
		path = append(path[:0], dfsFrame{v: root})
		for len(path) > 0 {
			top := &path[len(path)-1]
			v := top.v
			if top.i == len(g.succ[v]) {
				state[v] = black
				path = path[:len(path)-1]
				continue
			}
			k := top.i
			w := g.succ[v][k]
			top.i++
			switch {
			case state[w] == white:
				state[w], at[w] = grey, len(path)
				path = append(path, dfsFrame{v: w})
			case state[w] == grey && !reported[comp[v]]:
				reported[comp[v]] = true
				g.addCycle(path[at[w]:], v, w, g.tpos[v][k])
			}
		}
	}
}

func (g *Graph) addCycle(onPath []dfsFrame, from, to int, pos diag.Pos) {
	c := Loop{From: g.nodes[from].Name, Pos: pos}
	for _, fr := range onPath {
		c.Path = append(c.Path, g.nodes[fr.v].Name)
	}
	c.Path = append(c.Path, g.nodes[to].Name)
	g.cycles = append(g.cycles, c)
	g.closes[[2]int{from, to}] = true
}
