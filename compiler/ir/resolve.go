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

// Resolve is the compile phase between a frontend and the checks: it drops nil entries from the
// flow's slices (a frontend never produces them, but nothing downstream must crash on one) and
// fills in each step's Kind, Next, Foreach and In from its transition and signature. It is the
// last write to the IR: the checks, the emitters and flowc run only read a resolved flow. It is
// safe on any flow, and running it again changes nothing.
func (f *Flow) Resolve() {
	*f = *NilFree(f)
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

// NilFree returns f when none of its slices holds a nil entry, else a copy without them (a step
// is copied only when one of its own slices has one); f itself is left as it is, so that a
// reader such as check.Run can be safe on a malformed IR without writing to it.
func NilFree(f *Flow) *Flow {
	if f == nil || !hasNils(f) {
		return f
	}
	c := *f
	c.Steps = compact(f.Steps)
	c.Params = compact(f.Params)
	c.Decorators = compact(f.Decorators)
	for i, s := range c.Steps {
		if hasNil(s.Transitions) || hasNil(s.Decorators) {
			sc := *s
			sc.Transitions, sc.Decorators = compact(s.Transitions), compact(s.Decorators)
			c.Steps[i] = &sc
		}
	}
	return &c
}

func hasNils(f *Flow) bool {
	if hasNil(f.Steps) || hasNil(f.Params) || hasNil(f.Decorators) {
		return true
	}
	for _, s := range f.Steps {
		if s != nil && (hasNil(s.Transitions) || hasNil(s.Decorators)) {
			return true
		}
	}
	return false
}

func hasNil[T any](xs []*T) bool {
	for _, x := range xs {
		if x == nil {
			return true
		}
	}
	return false
}

// compact returns xs without its nil entries, in a new slice: xs may be shared.
func compact[T any](xs []*T) []*T {
	if !hasNil(xs) {
		return xs
	}
	out := make([]*T, 0, len(xs))
	for _, x := range xs {
		if x != nil {
			out = append(out, x)
		}
	}
	return out
}
