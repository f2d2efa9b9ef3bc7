package check

import (
	"github.com/flowc-dev/flowc/compiler/ir"
)

// TimeoutSeconds returns the duration of a @timeout decorator in seconds; see ir.TimeoutSeconds.
func TimeoutSeconds(d *ir.Decorator) int64 { return ir.TimeoutSeconds(d) }

func checkTimeout(p *Pass, d *ir.Decorator, valid map[string]*ir.Arg) {
	for _, a := range d.Args {
		if a.Value.Kind != ir.ValNone && valid[a.Name] == nil {
			return // a bad value is reported already
		}
	}
	if _, ok := ir.TimeoutTotal(d); !ok {
		p.Reportf(d.Pos, "%s is longer than Argo's deadline can be: at most 2147483647 seconds (about 68 years)", decoName(p.Flow, d.Name))
		return
	}
	if TimeoutSeconds(d) <= 0 {
		p.Reportf(d.Pos, "%s needs a duration above zero: give seconds, minutes or hours", decoName(p.Flow, d.Name))
	}
}

// checkProject applies Metaflow's rule to the project name: lowercase letters, digits and '_'.
func checkProject(p *Pass, d *ir.Decorator, valid map[string]*ir.Arg) {
	name := decoName(p.Flow, d.Name)
	a := d.Arg("name")
	switch {
	case a != nil && valid["name"] == nil: // a bad value is reported already
		return
	case a == nil || a.Value.Kind != ir.ValString:
		p.Reportf(d.Pos, "%s needs a name, as in %s(name=\"my_project\")", name, name)
		return
	}
	if b := valid["branch"]; b != nil && b.Value.Kind == ir.ValString && b.Value.Str == "" {
		p.reportFix(orPos(b.Pos, d.Pos), "name a branch, or give production=True for the production deployment", "%s branch is empty", name)
	}
	if hasBraces(a.Value.Str) { // template-syntax reports it
		return
	}
	if !validStepName(a.Value.Str) || len(a.Value.Str) > MaxTemplateName {
		p.Reportf(orPos(a.Pos, d.Pos), "%s name %q is invalid: use at most %d lowercase letters, digits and underscores, not starting with an underscore",
			name, a.Value.Str, MaxTemplateName)
	}
}
