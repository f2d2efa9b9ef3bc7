package check

import "github.com/flowc-dev/flowc/internal/diag"

// MissingNext reports a step, other than end, without a transition.
var MissingNext = &Check{
	Name: diag.MissingNext,
	Doc: `missing-next reports a step other than end that never calls self.next: every step but end
names the steps that run after it. In a flow without an end step, the one step without a
transition is taken as the intended end, which no-end reports, rather than reported twice.`,
	Run: func(p *Pass) {
		endless := endCandidate(p.Flow)
		for _, s := range p.Flow.Steps {
			if !p.Flow.IsEnd(s) && len(s.Transitions) == 0 && s != endless {
				p.Reportf(s.Pos, "step %q has no transition; add %s(...) as its %s", s.Name, nextCall(p.Flow), lastStatement(p.Flow))
			}
		}
	},
}
