package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/driver"
)

func runGraph(e *env, args []string) int {
	fs := newFlagSet(e, "graph", "[--format mermaid|dot] FLOW")
	format := fs.String("format", "mermaid", "graph format: mermaid or dot")
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(paths) != 1 {
		return usageErr(e, "graph needs exactly one flow file")
	}
	if !oneOf(*format, "mermaid", "dot") {
		return usageErr(e, "--format must be mermaid or dot, not %q", *format)
	}
	flows, diags := driver.Load(paths)
	printDiags(e, "text", diags)
	if diags.HasErrors() {
		return exitFail
	}
	for _, fl := range flows {
		syntax := mermaid
		if strings.EqualFold(*format, "dot") {
			syntax = dot
		}
		writeGraph(e.stdout, fl.IR, syntax)
	}
	return exitOK
}

// graphSyntax is how one graph language writes the parts of a flow's DAG.
type graphSyntax struct {
	header, footer       string // header takes the flow's name
	terminal, join, step string // a node: takes the node's id and the step's name
	edge, labelled       string // takes the ids of both ends, labelled also the label
	id                   func(step string) string
}

var (
	mermaid = graphSyntax{
		header:   "---\ntitle: %s\n---\nflowchart TD\n",
		terminal: "  %s([%q])\n", join: "  %s{{%q}}\n", step: "  %s[%q]\n",
		edge: "  %s --> %s\n", labelled: "  %s -->|%[3]q| %[2]s\n",
		// The prefix keeps step names such as "end", a Mermaid keyword, from breaking the chart.
		id: func(step string) string { return "s_" + step },
	}
	dot = graphSyntax{
		header: "digraph %q {\n  rankdir=TB;\n", footer: "}\n",
		terminal: "  %s [shape=oval];%.0s\n", join: "  %s [shape=hexagon];%.0s\n", step: "  %s [shape=box];%.0s\n",
		edge: "  %s -> %s;\n", labelled: "  %s -> %s [label=%q];\n",
		id: func(step string) string { return fmt.Sprintf("%q", step) },
	}
)

// writeGraph writes the flow's steps and transitions; a foreach's edge is labelled with the list
// it fans out over.
func writeGraph(w io.Writer, f *ir.Flow, g graphSyntax) {
	fmt.Fprintf(w, g.header, f.Name)
	for _, s := range f.Steps {
		node := g.step
		switch {
		case f.IsStart(s) || f.IsEnd(s):
			node = g.terminal
		case s.IsJoin():
			node = g.join
		}
		fmt.Fprintf(w, node, g.id(s.Name), s.Name)
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
	fmt.Fprint(w, g.footer)
}
