package graph

import "github.com/flowc-dev/flowc/internal/diag"

// Splits and joins are matched in one pass over the topological order, never by walking paths.
//
// Every step gets the stack of splits it runs under (Metaflow's split_parents), outermost at the
// bottom. Start runs under the empty stack. A step passes on what it runs under, except that a
// join first pops the split it closes, and a step that splits (several successors, or foreach=)
// then pushes itself. A step with one predecessor runs under what that predecessor passes on. A
// join's predecessors must all pass on the same stack: its top is the split the join closes (an
// empty stack is join-without-split, differing stacks are cross-join) and the join must have as
// many predecessors as that split has branches (else join-arity). A step that is not a join must
// have one predecessor (else join-arity: it should take inputs). A predecessor of end that passes
// on a non-empty stack left its innermost split unjoined (unjoined-split).
//
// Stacks are linked frames that only a splitting step creates, once, so two stacks are equal
// exactly when they are the same pointer and every comparison is O(1): the pass is linear.
//
// To report causes rather than consequences, the pass stays quiet downstream of a suspect step
// (see addEdges) or of a step it already reported ("tainted"), and at the join of a split one
// of whose branches was lost to a dead end or a suspect step ("lossy").

// frame is one entry of a split stack: the splitting step and the stack below it.
type frame struct {
	split    int
	up       *frame
	lossy    bool // a branch under this split was lost; every frame below is lossy too
	reported bool // its unjoined-split is reported
}

// Finding is one problem the split pass found, for the split/join checks to word and report.
// Steps are node indexes (see Graph.Node).
type Finding struct {
	Check diag.ID // UnjoinedSplit, JoinArity, JoinWithoutSplit or CrossJoin
	Step  int     // where it is reported: the join, or the unjoined split
	Split int     // the split concerned, or -1
	A, B  int     // cross-join: two predecessors that disagree; unjoined-split: A reaches end
}

// splitFacts is what the pass computes. It runs only when the reachable graph is acyclic.
type splitFacts struct {
	in       []*frame // the stack a step runs under; a join's includes the split it closes
	out      []*frame // the stack a step passes on to its successors
	join     []int    // the join that closes a splitting step, or -1
	tainted  []bool
	findings []Finding
}

func (g *Graph) propagateSplits() {
	n := len(g.nodes)
	s := &g.splits
	s.in, s.out, s.join, s.tainted = make([]*frame, n), make([]*frame, n), make([]int, n), make([]bool, n)
	for i := range s.join {
		s.join[i] = -1
	}
	if g.cyclic {
		return
	}
	for _, v := range g.topo {
		g.visit(v)
	}
}

// visit computes v's stacks from its predecessors, which the topological order visited before.
func (g *Graph) visit(v int) {
	s := &g.splits
	preds := g.reachablePreds(v)
	for _, p := range preds {
		if s.tainted[p] || g.suspect[p] {
			s.tainted[v] = true
		}
	}
	var out *frame
	switch {
	case v == g.end:
		g.arriveAtEnd(v, preds)
	case g.nodes[v].IsJoin() && len(preds) > 0:
		g.closeSplit(v, preds)
		if out = s.in[v]; out != nil {
			out = out.up
		}
	default:
		g.passThrough(v, preds)
		out = s.in[v]
	}
	if g.foreach[v] || len(g.succ[v]) > 1 {
		out = &frame{split: v, up: out}
	}
	s.out[v] = out
	if g.suspect[v] || (v != g.end && len(g.succ[v]) == 0) {
		markLossy(out)
	}
}

func (g *Graph) reachablePreds(v int) []int {
	var out []int
	for _, p := range g.pred[v] {
		if g.reach[p] {
			out = append(out, p)
		}
	}
	return out
}

func markLossy(f *frame) {
	for ; f != nil && !f.lossy; f = f.up {
		f.lossy = true
	}
}

func (g *Graph) report(f Finding) {
	g.splits.findings = append(g.splits.findings, f)
	g.splits.tainted[f.Step] = true
}

// passThrough handles a step that is neither a join nor end.
func (g *Graph) passThrough(v int, preds []int) {
	s := &g.splits
	if len(preds) == 0 {
		return
	}
	s.in[v] = s.out[preds[0]]
	if len(preds) > 1 && !s.tainted[v] {
		g.report(Finding{Check: diag.JoinArity, Step: v, Split: -1})
	}
}

// closeSplit handles a join: its predecessors must agree on a stack, and its top must have as
// many branches as the join has predecessors.
func (g *Graph) closeSplit(v int, preds []int) {
	s := &g.splits
	top := s.out[preds[0]]
	s.in[v] = top
	for _, p := range preds[1:] {
		if s.out[p] != top {
			if !s.tainted[v] {
				g.report(Finding{Check: diag.CrossJoin, Step: v, Split: -1, A: preds[0], B: p})
			}
			return
		}
	}
	if top == nil {
		if !s.tainted[v] {
			g.report(Finding{Check: diag.JoinWithoutSplit, Step: v, Split: -1})
		}
		return
	}
	if s.join[top.split] < 0 {
		s.join[top.split] = v
	}
	switch {
	case top.lossy:
		s.tainted[v] = true
	case len(preds) != len(g.succ[top.split]) && !s.tainted[v]:
		g.report(Finding{Check: diag.JoinArity, Step: v, Split: top.split})
	}
}

// arriveAtEnd handles end, which must be reached with every split joined.
func (g *Graph) arriveAtEnd(v int, preds []int) {
	s := &g.splits
	if len(preds) == 0 || g.nodes[v].IsJoin() { // end-is-join says it all
		return
	}
	s.in[v] = s.out[preds[0]]
	open := false
	for _, p := range preds {
		f := s.out[p]
		if f == nil {
			continue
		}
		open = true
		if s.tainted[p] || g.suspect[p] || f.reported {
			continue
		}
		f.reported = true
		g.splits.findings = append(g.splits.findings,
			Finding{Check: diag.UnjoinedSplit, Step: f.split, Split: f.split, A: p})
	}
	if !open && len(preds) > 1 && !s.tainted[v] {
		g.report(Finding{Check: diag.JoinArity, Step: v, Split: -1})
	}
}

// SplitParents returns the split and foreach steps that enclose step, outermost first, as
// Metaflow's split_parents: a splitting step's list leaves itself out, a join's includes the split
// it closes. It is meaningful on a graph that passed the checks; elsewhere it may be partial.
func (g *Graph) SplitParents(step string) []string {
	i, ok := g.index[step]
	if !ok {
		return nil
	}
	return g.frameNames(g.splits.in[i], false)
}

// ForeachStack returns the foreach steps whose bodies contain step, outermost first. A foreach
// step and its join are outside the body; the steps between them are inside. The emitter nests
// sub-DAGs by it.
func (g *Graph) ForeachStack(step string) []string {
	i, ok := g.index[step]
	if !ok {
		return nil
	}
	f := g.splits.in[i]
	if f != nil && g.nodes[i].IsJoin() && i != g.end { // as visit pops it
		f = f.up
	}
	return g.frameNames(f, true)
}

// MatchingJoin returns the join that closes the split or foreach step split, or "" when there is
// none (or split does not split).
func (g *Graph) MatchingJoin(split string) string {
	i, ok := g.index[split]
	if !ok || g.splits.join[i] < 0 {
		return ""
	}
	return g.nodes[g.splits.join[i]].Name
}

func (g *Graph) frameNames(f *frame, foreachOnly bool) []string {
	var out []string
	for ; f != nil; f = f.up {
		if !foreachOnly || g.foreach[f.split] {
			out = append(out, g.nodes[f.split].Name)
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// ForeachStacks is ForeachStack for every step, by name: what the emitter and the local runner
// look up while they walk a flow that passed the checks.
func (g *Graph) ForeachStacks() map[string][]string {
	out := make(map[string][]string, len(g.nodes))
	for _, s := range g.nodes {
		out[s.Name] = g.ForeachStack(s.Name)
	}
	return out
}
