// Package check owns flowc's checks: the rules a flow must satisfy before it is emitted. They
// read the IR and its resolved step graph (compiler/graph, which the emitters read too) and word
// what they find; nothing below or beside them imports this package.
//
// Checks are shaped like golang.org/x/tools/go/analysis passes: each is a named Check with a Run
// function that reads a Pass (the flow and its Graph) and reports diagnostics under its own id.
// All lists them in a fixed order and Run runs them all. The meanings follow Metaflow's
// metaflow/lint.py; the code is flowc's own.
//
// Every check runs in time linear in steps and edges (plus the log factor of one heap that gives
// the topological order its deterministic tie-break). Metaflow enumerates paths to match splits to
// joins, which is exponential in stacked split/join stages; flowc matches them with one pass over
// a topological order (see graph_splits.go). The checks are safe on any IR: cycles, unknown
// targets, missing start or end, duplicate names and empty flows are reported, never crashed on.
package check

import (
	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// Check is one named check, in the manner of golang.org/x/tools/go/analysis.Analyzer.
type Check struct {
	Name diag.ID // the stable check id its diagnostics carry, such as diag.Cycle
	Doc  string  // one paragraph: what the check rejects and why
	Run  func(*Pass)
}

// Pass is what one check sees of one flow: the flow, its graph, and a way to report.
type Pass struct {
	Flow  *ir.Flow
	Graph *Graph
	Check *Check

	diags *diag.List
}

// Report records d under the check's id, whatever d.Check said.
func (p *Pass) Report(d diag.Diagnostic) {
	d.Check = p.Check.Name
	*p.diags = append(*p.diags, d)
}

// Reportf records an error at pos under the check's id.
func (p *Pass) Reportf(pos diag.Pos, format string, args ...any) {
	p.Report(diag.Errorf(pos, p.Check.Name, format, args...))
}

// Warnf records a warning at pos under the check's id.
func (p *Pass) Warnf(pos diag.Pos, format string, args ...any) {
	p.Report(diag.Warningf(pos, p.Check.Name, format, args...))
}

// reportNote records an error at pos with one note pointing at a related place.
func (p *Pass) reportNote(pos, notePos diag.Pos, note, format string, args ...any) {
	d := diag.Errorf(pos, p.Check.Name, format, args...)
	d.Notes = []diag.Note{{Pos: notePos, Message: note}}
	p.Report(d)
}

// All is every check flowc runs, in a fixed order. The frontends own "syntax" and "no-flow".
var All = []*Check{
	Frontend,
	ReservedWord,
	NoStart,
	NoEnd,
	StartIncoming,
	EndOutgoing,
	EndIsJoin,
	StepName,
	NumArgs,
	MissingNext,
	InvalidTransition,
	ConditionalBranching,
	UnknownStep,
	Cycle,
	Unreachable,
	UnjoinedSplit,
	JoinArity,
	JoinWithoutSplit,
	CrossJoin,
	EmptyForeach,
	Parameter,
	Decorator,
	Name,
	TemplateSyntax,
}

// Run builds f's graph once, runs every check in All and returns what they report, sorted. It
// only reads f: the compile phase before it (graph.Resolve, which the driver runs) is the last
// to write the IR, and the checks need none of what it derives. A nil flow has nothing to report;
// nil entries in f's slices are skipped (ir.NilFree), not removed.
func Run(f *ir.Flow) diag.List {
	if f == nil {
		return nil
	}
	return runChecks(ir.NilFree(f))
}

// runChecks is Run on a flow without nil entries.
func runChecks(f *ir.Flow) diag.List {
	g := NewGraph(f)
	var out diag.List
	for _, c := range All {
		c.Run(&Pass{Flow: f, Graph: g, Check: c, diags: &out})
	}
	return out.Sorted()
}
