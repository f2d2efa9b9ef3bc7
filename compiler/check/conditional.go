package check

import (
	"fmt"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// ConditionalBranching reports transitions whose targets depend on data.
var ConditionalBranching = &Check{
	Name: diag.ConditionalBranching,
	Doc: `conditional-branching reports a self.next under a control construct (if, for, while, try,
with, match; switch, select, defer or a closure in Go), Metaflow's switch form
self.next({"a": self.a}, condition="x"), and a target chosen by an expression. flowc compiles a
static graph. One diagnostic per call: the frontend's own finding if it filed one, else the first
of these that applies.`,
	Run: func(p *Pass) {
		for _, s := range p.Flow.Steps {
			if p.Flow.IsEnd(s) { // end-outgoing: remove the call
				continue
			}
			for _, t := range s.Transitions {
				if !reportProblems(p, t.Problems) {
					reportConditional(p, t)
				}
			}
		}
	},
}

const restructure = "compute the condition inside one step and branch on it in code, or use a foreach over a filtered list"

func reportConditional(p *Pass, t *ir.Transition) {
	call := nextCall(p.Flow)
	switch {
	case t.Context != "":
		d := diag.Errorf(t.Pos, p.Check.Name, "%s inside %s is conditional branching, which flowc does not support",
			call, construct(t.Context)).Suggest("%s", restructure)
		if t.ContextPos.IsValid() {
			d.Notes = []diag.Note{{Pos: t.ContextPos, Message: fmt.Sprintf("the enclosing %q", t.Context)}}
		}
		p.Report(d)
	case t.Condition == "<dict>":
		p.reportFix(t.Pos, restructure, "%s with a dict of steps is conditional branching (Metaflow's switch), which flowc does not support",
			call)
	case t.Condition != "":
		p.reportFix(t.Pos, restructure, "%s with condition=%q is conditional branching (Metaflow's switch), which flowc does not support",
			call, t.Condition)
	default:
		for _, tg := range t.Targets {
			if tg.Expr != "" {
				p.reportFix(tg.Pos, "name one step", "%s target %q is chosen by an expression, which is conditional branching that flowc does not support",
					call, tg.Expr)
				return
			}
		}
	}
}

// construct words a Transition.Context for "self.next inside ...".
func construct(ctx string) string {
	switch ctx {
	case "if":
		return `an "if"`
	case "for", "while":
		return fmt.Sprintf("a %q loop", ctx)
	case "try", "with":
		return fmt.Sprintf("a %q block", ctx)
	case "match", "switch", "select":
		return fmt.Sprintf("a %q statement", ctx)
	case "closure":
		return "a nested function"
	case "expression":
		return "an expression"
	}
	if ctx != "" && strings.ContainsRune("aeiou", rune(ctx[0])) {
		return fmt.Sprintf("an %q", ctx)
	}
	return fmt.Sprintf("a %q", ctx)
}
