package ir

// Order returns the steps reachable from start in a topological order that breaks ties by step
// order, and whether the graph reachable from start is acyclic. It runs in time linear in steps
// and edges (Kahn's algorithm over a queue kept in step order).
func (f *Flow) Order() ([]*Step, bool) {
	index := map[string]int{}
	for i, s := range f.Steps {
		if _, dup := index[s.Name]; !dup {
			index[s.Name] = i
		}
	}
	start, ok := index["start"]
	if !ok {
		return nil, true
	}
	// Count in-degrees over the part reachable from start only.
	reach := make([]bool, len(f.Steps))
	indeg := make([]int, len(f.Steps))
	stack := []int{start}
	reach[start] = true
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, n := range f.Steps[i].Next {
			if j, ok := index[n]; ok {
				indeg[j]++
				if !reach[j] {
					reach[j] = true
					stack = append(stack, j)
				}
			}
		}
	}
	var out []*Step
	ready := newMinQueue()
	ready.push(start)
	for ready.len() > 0 {
		i := ready.pop()
		out = append(out, f.Steps[i])
		for _, n := range f.Steps[i].Next {
			if j, ok := index[n]; ok {
				if indeg[j]--; indeg[j] == 0 {
					ready.push(j)
				}
			}
		}
	}
	n := 0
	for _, r := range reach {
		if r {
			n++
		}
	}
	return out, len(out) == n
}

// SplitStacks gives, for every step reachable from start, the stack of split and foreach steps
// that enclose it, outermost first, as Metaflow's split_parents. A split pushes itself for its
// children; a join pops. It assumes a flow that passed the checks (acyclic, balanced).
func (f *Flow) SplitStacks() map[string][]string {
	order, _ := f.Order()
	stacks := map[string][]string{}
	if len(order) == 0 {
		return stacks
	}
	steps := f.stepIndex()
	stacks[order[0].Name] = nil
	for _, s := range order {
		st := stacks[s.Name]
		if len(s.Next) > 1 || s.Foreach != "" {
			st = append(append([]string(nil), st...), s.Name)
		}
		for _, n := range s.Next {
			if _, done := stacks[n]; done {
				continue
			}
			child := st
			if c := steps[n]; c != nil && c.IsJoin() && len(child) > 0 {
				child = child[:len(child)-1]
			}
			stacks[n] = child
		}
	}
	return stacks
}

// ForeachStacks is SplitStacks restricted to foreach steps: the foreach bodies a step runs in.
func (f *Flow) ForeachStacks() map[string][]string {
	out := map[string][]string{}
	steps := f.stepIndex()
	for name, st := range f.SplitStacks() {
		var fe []string
		for _, s := range st {
			if step := steps[s]; step != nil && step.Foreach != "" {
				fe = append(fe, s)
			}
		}
		out[name] = fe
	}
	return out
}

// stepIndex maps each name to its first step, for lookups in linear passes.
func (f *Flow) stepIndex() map[string]*Step {
	m := make(map[string]*Step, len(f.Steps))
	for _, s := range f.Steps {
		if _, dup := m[s.Name]; !dup {
			m[s.Name] = s
		}
	}
	return m
}

// minQueue is a priority queue of step indexes, smallest first: a binary heap.
type minQueue struct{ h []int }

func newMinQueue() *minQueue { return &minQueue{} }

func (q *minQueue) len() int { return len(q.h) }

func (q *minQueue) push(i int) {
	q.h = append(q.h, i)
	for c := len(q.h) - 1; c > 0; {
		p := (c - 1) / 2
		if q.h[p] <= q.h[c] {
			break
		}
		q.h[p], q.h[c] = q.h[c], q.h[p]
		c = p
	}
}

func (q *minQueue) pop() int {
	top := q.h[0]
	last := len(q.h) - 1
	q.h[0] = q.h[last]
	q.h = q.h[:last]
	for p := 0; ; {
		c := 2*p + 1
		if c >= len(q.h) {
			break
		}
		if c+1 < len(q.h) && q.h[c+1] < q.h[c] {
			c++
		}
		if q.h[p] <= q.h[c] {
			break
		}
		q.h[p], q.h[c] = q.h[c], q.h[p]
		p = c
	}
	return top
}
