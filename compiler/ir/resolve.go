package ir

// Transition returns the step's one usable transition: the first with no problems, or nil.
func (s *Step) Transition() *Transition {
	for _, t := range s.Transitions {
		if len(t.Problems) == 0 {
			return t
		}
	}
	return nil
}

// Resolve fills in each step's Kind, Next, Foreach and In from its transition and signature.
// It is meant for flows that passed the checks, but it is safe on any flow.
func (f *Flow) Resolve() {
	byName := f.stepIndex()
	for _, s := range f.Steps {
		s.Next, s.Foreach, s.In = nil, "", nil
		if t := s.Transition(); t != nil {
			for _, tg := range t.Targets {
				s.Next = append(s.Next, tg.Name)
			}
			s.Foreach = t.Foreach
		}
		s.Kind = f.kindOf(s)
	}
	// Predecessors in step order, so that every consumer sees one order.
	for _, p := range f.Steps {
		for _, n := range p.Next {
			if c := byName[n]; c != nil {
				c.In = append(c.In, p.Name)
			}
		}
	}
}

// kindOf derives a step's role; a join that splits again stays a join (Metaflow does the same).
func (f *Flow) kindOf(s *Step) Kind {
	switch {
	case f.IsEnd(s):
		return KindEnd
	case s.IsJoin():
		return KindJoin
	case s.Foreach != "":
		return KindForeach
	case len(s.Next) > 1:
		return KindSplit
	case f.IsStart(s):
		return KindStart
	}
	return KindLinear
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
