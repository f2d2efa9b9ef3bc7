package check

import "github.com/flowc-dev/flowc/internal/diag"

// NumArgs reports step signatures that fit no step.
var NumArgs = &Check{
	Name: diag.NumArgs,
	Doc: `num-args reports a step with too many arguments or without self, and a start step that
takes inputs, and a join that is also a split, as Metaflow does. A join takes (self, inputs) and every other step (self); whether a step that takes
inputs has the predecessors of a join is join-arity's business, and an end that takes inputs is
end-is-join's.`,
	Run: func(p *Pass) {
		for _, s := range p.Flow.Steps {
			switch {
			case s.NumArgs > 2:
				p.Reportf(s.Pos, "step %q has too many arguments; %s", s.Name, signatures(p.Flow))
			case s.NumArgs < 1:
				p.Reportf(s.Pos, "step %q is missing the self argument", s.Name)
			case p.Flow.IsStart(s) && s.IsJoin():
				p.reportFix(s.Pos, "remove "+inputsParam(p.Flow), "step %q takes inputs, but the start step cannot be a join", s.Name)
			case s.IsJoin() && !p.Flow.IsEnd(s) && len(p.Graph.Succs(s.Name)) > 1 && !p.Graph.ForeachStep(s.Name):
				p.reportFix(s.Pos, "add a step so that the join and the split are separate steps",
					"step %q is both a join (it takes inputs) and a split (it leads to several steps)", s.Name)
			}
		}
	},
}
