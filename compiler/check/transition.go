package check

import (
	"fmt"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// InvalidTransition reports transitions that are not one plain self.next as the last statement.
var InvalidTransition = &Check{
	Name: diag.InvalidTransition,
	Doc: `invalid-transition reports what the frontend found malformed in a self.next call (no
arguments, an argument that is not self.<step>, a foreach= that is not a string literal), a call
without targets, a foreach= with other than one target, a target named twice, num_parallel= (not
supported yet), a second top-level call, and code after the call. A call under a control
construct or with a condition is conditional-branching's, and is not counted here.`,
	Run: func(p *Pass) {
		for _, s := range p.Flow.Steps {
			checkTransitions(p, s)
		}
	},
}

func checkTransitions(p *Pass, s *ir.Step) {
	call := nextCall(p.Flow)
	topLevel := 0
	for _, t := range s.Transitions {
		if reportProblems(p, t.Problems) {
			if !isConditional(t) {
				topLevel++
			}
			continue
		}
		if isConditional(t) || p.Flow.IsEnd(s) { // reported as conditional-branching, end-outgoing
			continue
		}
		topLevel++
		switch {
		case topLevel > 1:
			p.Reportf(t.Pos, "step %q calls %s more than once; a step has exactly one transition, as its %s", s.Name, call, lastStatement(p.Flow))
		case len(t.Targets) == 0:
			p.Reportf(t.Pos, "%s in step %q names no step", call, s.Name)
		case t.Foreach != "" && !isAttrName(t.Foreach):
			p.Reportf(foreachPos(t), "foreach in step %q must name an attribute of the step, not %q", s.Name, t.Foreach)
		case t.Foreach != "" && len(t.Targets) != 1:
			p.Reportf(foreachPos(t), "foreach in step %q must lead to exactly one step, not %d", s.Name, len(t.Targets))
		case t.NumParallel:
			p.Reportf(orPos(t.NumParallelPos, t.Pos), "num_parallel (Metaflow's @parallel) is not supported yet")
		default:
			reportRepeats(p, s, t)
		}
	}
	if s.TrailingPos.IsValid() && len(s.Transitions) > 0 {
		p.reportFix(s.TrailingPos, fmt.Sprintf("make %s the step's %s", call, lastStatement(p.Flow)), "code after %s in step %q", call, s.Name)
	}
}

// reportProblems reports the problems the frontend filed under the pass's check id, and says
// whether there were any.
func reportProblems(p *Pass, problems []ir.Problem) bool {
	found := false
	for _, pr := range problems {
		if pr.Check == p.Check.Name {
			p.reportFix(pr.Pos, pr.Suggestion, "%s", pr.Message)
			found = true
		}
	}
	return found
}

func reportRepeats(p *Pass, s *ir.Step, t *ir.Transition) {
	if len(t.Targets) < 2 {
		return
	}
	seen := make(map[string]bool, len(t.Targets))
	for _, tg := range t.Targets {
		if tg.Name == "" {
			continue
		}
		if seen[tg.Name] {
			p.Reportf(tg.Pos, "step %q names %q twice in %s", s.Name, tg.Name, nextCall(p.Flow))
		}
		seen[tg.Name] = true
	}
}

// foreachPos is where t's foreach= is written, or t itself when that is unknown.
func foreachPos(t *ir.Transition) diag.Pos {
	if t.ForeachPos.IsValid() {
		return t.ForeachPos
	}
	return t.Pos
}

// isConditional reports whether t is conditional branching: under a control construct, a switch,
// with a target chosen by an expression, or so judged by the frontend.
func isConditional(t *ir.Transition) bool {
	if t.Context != "" || t.Condition != "" {
		return true
	}
	for _, pr := range t.Problems {
		if pr.Check == diag.ConditionalBranching {
			return true
		}
	}
	for _, tg := range t.Targets {
		if tg.Expr != "" {
			return true
		}
	}
	return false
}
