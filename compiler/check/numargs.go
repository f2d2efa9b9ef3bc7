package check

// NumArgs reports step signatures that fit no step.
var NumArgs = &Check{
	Name: "num-args",
	Doc: `num-args reports a step with too many arguments or without self, and a start step that
takes inputs. A join takes (self, inputs) and every other step (self); whether a step that takes
inputs has the predecessors of a join is join-arity's business, and an end that takes inputs is
end-is-join's.`,
	Run: func(p *Pass) {
		for _, s := range p.Flow.Steps {
			switch {
			case s.NumArgs > 2:
				p.Reportf(s.Pos, "step %q has too many arguments; %s", s.Name, signatures(p.Flow))
			case s.NumArgs < 1:
				p.Reportf(s.Pos, "step %q is missing the self argument", s.Name)
			case s.Name == "start" && s.IsJoin():
				p.Reportf(s.Pos, "step \"start\" takes inputs, but the start step cannot be a join; remove %s", inputsParam(p.Flow))
			}
		}
	},
}
