package check

import (
	"slices"

	"github.com/flowc-dev/flowc/internal/diag"
)

// flowSpecAttrs are the names a flow's steps see on self besides their own artifacts: Metaflow's
// reserved words (name, next, input, index, cmd) and the other FlowSpec attributes flowc's
// runtime provides (foreach_stack, merge_artifacts, script_name). A step or parameter attribute
// of one of these names would shadow it. Sorted, for binary search.
var flowSpecAttrs = []string{
	"cmd",
	"foreach_stack",
	"index",
	"input",
	"merge_artifacts",
	"name",
	"next",
	"script_name",
}

func isFlowSpecAttr(name string) bool {
	_, found := slices.BinarySearch(flowSpecAttrs, name)
	return found
}

// ReservedWord rejects steps named like a FlowSpec attribute.
var ReservedWord = &Check{
	Name: diag.ReservedWord,
	Doc: `reserved-word rejects a step named like an attribute every step sees on self: Metaflow's
reserved words name, next, input, index and cmd, and flowc's foreach_stack, merge_artifacts and
script_name. The step method would replace the attribute.`,
	Run: func(p *Pass) {
		for _, s := range p.Flow.Steps {
			if isFlowSpecAttr(s.Name) {
				p.reportFix(s.Pos, "choose another name", "step name %q is a reserved word", s.Name)
			}
		}
	},
}
