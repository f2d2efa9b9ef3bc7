package check

// MissingNext reports a step, other than end, without a transition.
var MissingNext = &Check{
	Name: "missing-next",
	Doc: `missing-next reports a step other than end that never calls self.next: every step but end
names the steps that run after it.`,
	Run: func(p *Pass) {
		for _, s := range p.Flow.Steps {
			if !p.Flow.IsEnd(s) && len(s.Transitions) == 0 {
				p.Reportf(s.Pos, "step %q has no transition; add %s(...) as its %s", s.Name, nextCall(p.Flow), lastStatement(p.Flow))
			}
		}
	},
}
