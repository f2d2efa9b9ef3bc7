package check

import (
	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// Frontend reports what the frontend found about the flow as a whole, each under its own id:
// `import` (a metaflow name flowc's runtime does not provide), `user-code` (mutators, user
// decorators, a Config parser or default computed by user code), `config` (a Config that cannot
// be resolved), `requirements` (@pypi/@conda specs), and `decorator` (a decorator below @step).
var Frontend = &Check{
	// No Name: the frontend's findings carry the ids it gave them.
	Doc: `frontend reports the flow-level findings of the frontend under their own check ids: names
imported from metaflow that flowc's runtime does not provide, Metaflow's mutators and user
decorators (user code that runs at deploy time), Configs that cannot be resolved when the flow
is compiled, package specs of @pypi and @conda, and decorators placed below @step.`,
	Run: func(p *Pass) {
		for _, pr := range p.Flow.Problems {
			reportOwn(p, pr)
		}
		for _, c := range p.Flow.Configs {
			for _, pr := range c.Problems {
				reportOwn(p, pr)
			}
		}
		if p.Flow.Lang == ir.Go {
			packageDirectives(p)
		}
	},
}

// packageDirectives warns about the package decorators in a Go flow: a Go flow's dependencies
// are its module's, and pip has nothing to install.
func packageDirectives(p *Pass) {
	ds := append([]*ir.Decorator(nil), p.Flow.Decorators...)
	for _, s := range p.Flow.Steps {
		ds = append(ds, s.Decorators...)
	}
	for _, d := range ds {
		switch d.Name {
		case "pypi", "conda", "pypi_base", "conda_base":
			*p.diags = append(*p.diags, diag.Warningf(d.Pos, diag.Decorator, "%s is not supported; it is ignored", decoName(p.Flow, d.Name)))
		}
	}
}

// reportOwn records a problem under the id the frontend gave it.
func reportOwn(p *Pass, pr ir.Problem) {
	mk := diag.Errorf
	if pr.Warning {
		mk = diag.Warningf
	}
	*p.diags = append(*p.diags, mk(pr.Pos, pr.Check, "%s", pr.Message).Suggest("%s", pr.Suggestion))
}
