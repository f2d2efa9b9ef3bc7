package check

import "github.com/flowc-dev/flowc/internal/diag"

// maxSuggested bounds how many distinct unknown names get a did-you-mean: each costs a pass over
// all step names, and a flow with thousands of unknown targets needs no more hints than this.
const maxSuggested = 64

// UnknownStep reports transition targets that name no step.
var UnknownStep = &Check{
	Name: diag.UnknownStep,
	Doc: `unknown-step reports a self.next target that names no step of the flow, with the closest
step name as a suggestion.`,
	Run: func(p *Pass) {
		g := p.Graph
		names := make([]string, g.Len())
		for i, s := range g.Nodes() {
			names[i] = s.Name
		}
		hints := make(map[string]string)
		for _, s := range p.Flow.Steps {
			if p.Flow.IsEnd(s) { // end-outgoing: remove the call
				continue
			}
			for _, t := range s.Transitions {
				for _, tg := range t.Targets {
					if tg.Name == "" || g.Step(tg.Name) != nil {
						continue
					}
					hint, ok := hints[tg.Name]
					if !ok && len(hints) < maxSuggested {
						hint = didYouMean(tg.Name, names)
						hints[tg.Name] = hint
					}
					p.reportFix(tg.Pos, hint, "unknown step %q in %s", tg.Name, nextCall(p.Flow))
				}
			}
		}
	},
}
