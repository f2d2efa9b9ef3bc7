package check

import (
	"fmt"

	"github.com/flowc-dev/flowc/internal/diag"
)

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
				p.reportFix(s.Pos, fmt.Sprintf("add %s(...) as its %s", nextCall(p.Flow), lastStatement(p.Flow)), "step %q has no transition", s.Name)
			}
		}
	},
}
