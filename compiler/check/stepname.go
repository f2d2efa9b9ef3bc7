package check

import "github.com/flowc-dev/flowc/internal/diag"

// validStepName is Metaflow's rule: lowercase ASCII letters, digits and '_', not starting with
// '_'. It also keeps step names safe in file paths, command lines and (after TemplateName) Argo.
func validStepName(name string) bool {
	if name == "" || name[0] == '_' {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// StepName reports invalid and duplicate step names.
var StepName = &Check{
	Name: diag.StepName,
	Doc: `step-name reports a step whose name is not lowercase ASCII letters, digits and underscores,
or starts with an underscore (Metaflow's rule), and a step name defined twice.`,
	Run: func(p *Pass) {
		first := make(map[string]int, len(p.Flow.Steps))
		for i, s := range p.Flow.Steps {
			if !validStepName(s.Name) {
				p.Reportf(s.Pos, "step name %q is invalid: use lowercase letters, digits and underscores, not starting with an underscore", s.Name)
			}
			if j, dup := first[s.Name]; dup {
				prev := p.Flow.Steps[j]
				p.reportNote(s.Pos, prev.Pos, "first defined here", "step %q is defined more than once", s.Name)
				continue
			}
			first[s.Name] = i
		}
	},
}
