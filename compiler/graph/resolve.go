package graph

import "github.com/flowc-dev/flowc/compiler/ir"

// Resolve is the compile phase between a frontend and the checks. It drops nil entries from f's
// slices (a frontend never produces them, but nothing downstream must crash on one), builds f's
// graph and writes what the emitters and flowc run read into each step: Next and In are the
// graph's edges (distinct known steps, in the order written and in step order), Foreach the
// variable of a foreach edge, Kind the step's role, Stack the foreach bodies it runs in; and
// into the flow its Order, topological. It is the last write to the IR: the checks
// only read it. It is safe on any flow, running it again changes nothing, and it returns the
// graph it built.
func Resolve(f *ir.Flow) *Graph {
	*f = *ir.NilFree(f)
	g := New(f)
	for _, s := range f.Steps {
		s.Next, s.Foreach, s.In, s.Stack = nil, "", nil, nil
	}
	for v, s := range g.nodes {
		s.Next, s.In = g.namesOrNil(g.succ[v]), g.namesOrNil(g.pred[v])
		if g.foreach[v] {
			s.Foreach = s.Transition().Foreach
		}
	}
	for _, s := range f.Steps {
		s.Kind = kindOf(f, s)
		s.Stack = g.ForeachStack(s.Name)
	}
	f.Order, _ = g.Topo()
	f.IndexSteps()
	return g
}

// namesOrNil is NamesOf, nil for no steps, as a frontend leaves a field it does not set.
func (g *Graph) namesOrNil(vs []int) []string {
	if len(vs) == 0 {
		return nil
	}
	return g.NamesOf(vs)
}

// kindOf derives a step's role; a join that splits again stays a join (Metaflow does the same).
func kindOf(f *ir.Flow, s *ir.Step) ir.Kind {
	switch {
	case f.IsEnd(s):
		return ir.KindEnd
	case s.IsJoin():
		return ir.KindJoin
	case s.Foreach != "":
		return ir.KindForeach
	case len(s.Next) > 1:
		return ir.KindSplit
	case f.IsStart(s):
		return ir.KindStart
	}
	return ir.KindLinear
}
