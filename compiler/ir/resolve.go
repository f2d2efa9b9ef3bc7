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

// NilFree returns f when none of its slices holds a nil entry, else a copy without them (a step
// is copied only when one of its own slices has one); f itself is left as it is, so that a
// reader such as check.Run can be safe on a malformed IR without writing to it. graph.Resolve,
// the compile phase, drops them from the flow itself.
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
