package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/flowc-dev/flowc/internal/compiler/ir"
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
		if strings.EqualFold(*format, "dot") {
			writeDOT(e.stdout, fl.IR)
		} else {
			writeMermaid(e.stdout, fl.IR)
		}
	}
	return exitOK
}

// edgeLabel marks the edges of a foreach with the list they fan out over.
func edgeLabel(s *ir.Step) string {
	if s.Foreach != "" {
		return "foreach " + s.Foreach
	}
	return ""
}

func writeMermaid(w io.Writer, f *ir.Flow) {
	fmt.Fprintf(w, "---\ntitle: %s\n---\nflowchart TD\n", f.Name)
	for _, s := range f.Steps {
		shape := "[%q]"
		switch {
		case s.Name == "start" || s.Name == "end":
			shape = "([%q])"
		case s.IsJoin():
			shape = "{{%q}}"
		}
		fmt.Fprintf(w, "  %s"+shape+"\n", mermaidID(s.Name), s.Name)
	}
	for _, s := range f.Steps {
		for _, n := range s.Next {
			if l := edgeLabel(s); l != "" {
				fmt.Fprintf(w, "  %s -->|%q| %s\n", mermaidID(s.Name), l, mermaidID(n))
			} else {
				fmt.Fprintf(w, "  %s --> %s\n", mermaidID(s.Name), mermaidID(n))
			}
		}
	}
}

// mermaidID names a node; the prefix keeps step names such as "end", a Mermaid keyword, from
// breaking the chart.
func mermaidID(step string) string { return "s_" + step }

func writeDOT(w io.Writer, f *ir.Flow) {
	fmt.Fprintf(w, "digraph %q {\n  rankdir=TB;\n", f.Name)
	for _, s := range f.Steps {
		shape := "box"
		switch {
		case s.Name == "start" || s.Name == "end":
			shape = "oval"
		case s.IsJoin():
			shape = "hexagon"
		}
		fmt.Fprintf(w, "  %q [shape=%s];\n", s.Name, shape)
	}
	for _, s := range f.Steps {
		for _, n := range s.Next {
			if l := edgeLabel(s); l != "" {
				fmt.Fprintf(w, "  %q -> %q [label=%q];\n", s.Name, n, l)
			} else {
				fmt.Fprintf(w, "  %q -> %q;\n", s.Name, n)
			}
		}
	}
	fmt.Fprintln(w, "}")
}
