package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/driver"
	"github.com/flowc-dev/flowc/internal/runrecord"
)

func runGraph(e *env, args []string) int {
	fs := newFlagSet(e, "graph", "[--format mermaid|dot] FLOW | --run RUN [FLOW]")
	format := fs.String("format", "mermaid", "graph format: mermaid or dot")
	runRef := fs.String("run", "", "draw what this local run did: each step's state, tasks and time")
	runsDir := fs.String("runs-dir", defaultRunsDir, "where runs keep their records: a directory, or s3://BUCKET[/PREFIX] for the cluster's runs")
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if !oneOf(*format, "mermaid", "dot") {
		return usageErr(e, "--format must be mermaid or dot, not %q", *format)
	}
	var rec *runrecord.Record
	if *runRef != "" {
		r, err := findRun(e, *runsDir, *runRef)
		if err != nil {
			fmt.Fprintf(e.stderr, "flowc: %v\n", err)
			return exitFail
		}
		rec = r
		// filepath.IsLocal: the record names a file inside the run's own context, nothing else.
		if len(paths) == 0 && r.Dir != "" && r.FlowFile != "" && filepath.IsLocal(filepath.FromSlash(r.FlowFile)) {
			// The run's own copy of the flow: the graph it ran, even if the source moved on.
			paths = []string{filepath.Join(r.Dir, "context", filepath.FromSlash(r.FlowFile))}
		}
	}
	if len(paths) != 1 {
		return usageErr(e, "graph needs exactly one flow file")
	}
	flows, diags := driver.Load(paths)
	printDiags(e, "text", diags)
	if diags.HasErrors() {
		return exitFail
	}
	syntax := mermaid
	if strings.EqualFold(*format, "dot") {
		syntax = dot
	}
	for _, fl := range flows {
		if rec != nil && rec.Flow != "" && rec.Flow != fl.IR.Name {
			continue
		}
		writeGraph(e.stdout, fl.IR, syntax, runStates(rec))
	}
	return exitOK
}

// runStates describes each step as a run left it; nil without a run.
func runStates(r *runrecord.Record) map[string]runrecord.StepSummary {
	if r == nil {
		return nil
	}
	out := map[string]runrecord.StepSummary{}
	for _, s := range r.Summary() {
		out[s.Step] = s
	}
	return out
}

// graphSyntax is how one graph language writes the parts of a flow's DAG.
type graphSyntax struct {
	header, footer       string // header takes the flow's name
	terminal, join, step string // a node: takes the node's id and the step's name
	edge, labelled       string // takes the ids of both ends, labelled also the label
	id                   func(step string) string
	newline              string // a line break inside a node's label
	state                func(w io.Writer, id, state string)
	legend               string // written once when nodes carry states
}

// stateColors fill a step's node by its state in a run.
var stateColors = map[string]string{
	runrecord.TaskSucceeded: "#d3f9d8", runrecord.TaskFailed: "#ffc9c9", runrecord.TaskCaught: "#ffe8a1",
	runrecord.TaskRunning: "#d0ebff", runrecord.NotRun: "#f1f3f5",
}

var (
	mermaid = graphSyntax{
		header:   "---\ntitle: %s\n---\nflowchart TD\n",
		terminal: "  %s([%q])\n", join: "  %s{{%q}}\n", step: "  %s[%q]\n",
		edge: "  %s --> %s\n", labelled: "  %s -->|%[3]q| %[2]s\n",
		// The prefix keeps step names such as "end", a Mermaid keyword, from breaking the chart.
		id:      func(step string) string { return "s_" + step },
		newline: "<br/>",
		state: func(w io.Writer, id, state string) {
			fmt.Fprintf(w, "  class %s %s\n", id, strings.ReplaceAll(state, " ", "_"))
		},
		legend: "  classDef succeeded fill:#d3f9d8\n  classDef failed fill:#ffc9c9\n  classDef caught fill:#ffe8a1\n" +
			"  classDef running fill:#d0ebff\n  classDef not_run fill:#f1f3f5\n",
	}
	dot = graphSyntax{
		header: "digraph %q {\n  rankdir=TB;\n", footer: "}\n",
		terminal: "  %s [shape=oval];%.0s\n", join: "  %s [shape=hexagon];%.0s\n", step: "  %s [shape=box];%.0s\n",
		edge: "  %s -> %s;\n", labelled: "  %s -> %s [label=%q];\n",
		id:      func(step string) string { return fmt.Sprintf("%q", step) },
		newline: "\n",
		state: func(w io.Writer, id, state string) {
			fmt.Fprintf(w, "  %s [style=filled, fillcolor=%q];\n", id, stateColors[state])
		},
	}
)

// writeGraph writes the flow's steps and transitions; a foreach's edge is labelled with the list
// it fans out over. With a run's states, each node also says what the step did and is coloured
// by its state.
func writeGraph(w io.Writer, f *ir.Flow, g graphSyntax, states map[string]runrecord.StepSummary) {
	fmt.Fprintf(w, g.header, f.Name)
	for _, s := range f.Steps {
		node := g.step
		switch {
		case f.IsStart(s) || f.IsEnd(s):
			node = g.terminal
		case s.IsJoin():
			node = g.join
		}
		label := s.Name
		if st, ok := states[s.Name]; ok {
			label += g.newline + stepLine(st)
		} else if states != nil {
			label += g.newline + runrecord.NotRun
		}
		if strings.Contains(node, "%.0s") {
			// DOT names the node by the step; a label is added only when there is more to say.
			fmt.Fprintf(w, node, g.id(s.Name), "")
			if label != s.Name {
				fmt.Fprintf(w, "  %s [label=%q];\n", g.id(s.Name), label)
			}
			continue
		}
		fmt.Fprintf(w, node, g.id(s.Name), label)
	}
	for _, s := range f.Steps {
		for _, n := range s.Next {
			if s.Foreach != "" {
				fmt.Fprintf(w, g.labelled, g.id(s.Name), g.id(n), "foreach "+s.Foreach)
			} else {
				fmt.Fprintf(w, g.edge, g.id(s.Name), g.id(n))
			}
		}
	}
	if states != nil {
		fmt.Fprint(w, g.legend)
		for _, s := range f.Steps {
			state := runrecord.NotRun
			if st, ok := states[s.Name]; ok {
				state = st.State
			}
			g.state(w, g.id(s.Name), state)
		}
	}
	fmt.Fprint(w, g.footer)
}

// stepLine says what a step did in a run: "succeeded · 4 tasks · 3.29s · 1 retry".
func stepLine(s runrecord.StepSummary) string {
	if s.Tasks == 0 {
		return runrecord.NotRun
	}
	parts := []string{s.State}
	if s.Tasks != 1 {
		parts = append(parts, fmt.Sprintf("%d tasks", s.Tasks))
	}
	parts = append(parts, runrecord.FormatDuration(s.Duration, s.Tasks))
	if s.Retries > 0 {
		parts = append(parts, fmt.Sprintf("%d retries", s.Retries))
	}
	if s.Caught > 0 {
		parts = append(parts, fmt.Sprintf("%d caught", s.Caught))
	}
	return strings.Join(parts, " · ")
}
