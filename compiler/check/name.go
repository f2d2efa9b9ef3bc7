package check

import (
	"github.com/flowc-dev/flowc/compiler/ir"

	"github.com/flowc-dev/flowc/internal/diag"
)

// MaxFlowName is the longest name of a WorkflowTemplate or Workflow (a Kubernetes label value).
const MaxFlowName = ir.MaxObjectName

// MaxCronWorkflowName is the longest CronWorkflow name: Argo appends a timestamp to name runs.
const MaxCronWorkflowName = ir.MaxCronName

// Name reports names that Argo cannot take once sanitised.
var Name = &Check{
	Name: diag.Name,
	Doc: `name reports a flow name with no letter or digit, from which no Argo object name can be
made, and two steps that sanitise to one Argo template name (TemplateName), such as "load" and
"load_". Long names are shortened with a hash by DNSName, so length is never an error.`,
	Run: func(p *Pass) {
		f := p.Flow
		if DNSName(f.Name, MaxFlowName) == "" {
			p.Reportf(f.Pos, "flow name %q has no letter or digit to name the Argo workflow after", f.Name)
		}
		g := p.Graph
		first := make(map[string]int, g.Len())
		for v, s := range g.Nodes() {
			if !validStepName(s.Name) { // step-name reports it
				continue
			}
			tn := TemplateName(s.Name)
			if u, dup := first[tn]; dup {
				prev := g.Node(u)
				d := diag.Errorf(s.Pos, p.Check.Name, "steps %q and %q both become the Argo template %q", prev.Name, s.Name, tn).Suggest("rename one")
				d.Notes = []diag.Note{{Pos: prev.Pos, Message: "the other step is defined here"}}
				p.Report(d)
				continue
			}
			first[tn] = v
		}
	},
}
