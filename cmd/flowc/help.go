package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// examples are each command's examples in its help, as kubectl shows them: a comment line, then
// the command.
var examples = map[string][]string{
	"compile": {
		"# write the manifests and build specs of every flow under flows/ into out/",
		"flowc compile flows/ -o out",
		"# fail with a diff when the committed out/ is stale (CI, pre-commit)",
		"flowc compile flows/ -o out --check",
	},
	"check":      {"# report every problem of the flows, writing nothing", "flowc check flows/ --format json"},
	"run":        {"# run a flow locally with a parameter", "flowc run flow.py --param alpha=0.5"},
	"graph":      {"# draw a flow's DAG as Mermaid", "flowc graph flow.py", "# draw what a local run did, as DOT", "flowc graph --run 20261201-101500-ab12cd --format dot"},
	"apply":      {"# apply to the cluster of the current context, namespace pipelines", "flowc apply flows/ -n pipelines"},
	"submit":     {"# start a run of the applied template and follow it", "flowc submit flow.py --param alpha=0.5 --wait"},
	"runs":       {"# list the local runs of one flow, as JSON", "flowc runs --flow HelloFlow -o json"},
	"show":       {"# a run's steps; a step's tasks and artifacts; one artifact as JSON", "flowc show 20261201-101500-ab12cd", "flowc show 20261201-101500-ab12cd start", "flowc show 20261201-101500-ab12cd start alpha -o json"},
	"logs":       {"# the stdout of every task of a step of a local run", "flowc logs 20261201-101500-ab12cd body", "flowc logs 20261201-101500-ab12cd body --task 2 --stderr"},
	"init":       {"# start a new Python flow in the directory hello", "flowc init hello", "flowc init hello-go --lang go"},
	"completion": {"# complete flowc's commands and flags in bash", "source <(flowc completion bash)"},
	"version":    {"flowc version -o json"},
}

// printUsage is every command's help: synopsis, examples, and flags spelled --name as users
// type them (the flag package accepts both - and --).
func printUsage(w io.Writer, fs *flag.FlagSet, name, synopsis string) {
	fmt.Fprintf(w, "usage: flowc %s %s\n", name, synopsis)
	if ex := examples[name]; len(ex) > 0 {
		fmt.Fprintln(w, "\nexamples:")
		for _, l := range ex {
			fmt.Fprintf(w, "  %s\n", l)
		}
	}
	var lines [][2]string
	fs.VisitAll(func(f *flag.Flag) {
		typ, usage := flag.UnquoteUsage(f)
		left := flagName(f.Name)
		if typ != "" {
			left += " " + typ
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "[]" {
			usage += fmt.Sprintf(" (default %q)", f.DefValue)
		}
		lines = append(lines, [2]string{left, usage})
	})
	if len(lines) == 0 {
		return
	}
	fmt.Fprintln(w, "\nflags:")
	width := 0
	for _, l := range lines {
		width = max(width, len(l[0]))
	}
	for _, l := range lines {
		fmt.Fprintf(w, "  %-*s  %s\n", width, l[0], l[1])
	}
}

// flagName spells a flag as users type it: -n for one letter, --name otherwise.
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// flagNames lists a flag set's flags as flagName spells them, sorted.
func flagNames(fs *flag.FlagSet) []string {
	var out []string
	fs.VisitAll(func(f *flag.Flag) { out = append(out, flagName(f.Name)) })
	sort.Strings(out)
	return out
}

// outputFlag registers -o, the output format of a command that prints objects.
func outputFlag(fs *flag.FlagSet) *string {
	return fs.String("o", "table", "output format: table, json or yaml")
}

func validOutput(f string) bool { return f == "table" || f == "json" || f == "yaml" }

// printObject prints v as indented JSON or as YAML with the same keys, in the same order.
func printObject(e *env, format string, v any) int {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: internal error: %v\n", err)
		return exitFail
	}
	if format == "yaml" {
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err == nil {
			blockStyle(&n)
			var b strings.Builder
			enc := yaml.NewEncoder(&b)
			enc.SetIndent(2)
			if err = enc.Encode(&n); err == nil {
				_, _ = io.WriteString(e.stdout, b.String())
				return exitOK
			}
		}
		fmt.Fprintf(e.stderr, "flowc: internal error: cannot write YAML\n")
		return exitFail
	}
	e.stdout.Write(append(data, '\n'))
	return exitOK
}

// blockStyle clears the flow style that JSON input leaves on every node, so the YAML reads as
// kubectl's -o yaml does; the encoder still quotes strings that need it.
func blockStyle(n *yaml.Node) {
	n.Style = 0
	for _, c := range n.Content {
		blockStyle(c)
	}
}

// regenerateCommand is the compile command line that rewrites what --check found stale: the
// same arguments without --check, quoted for a POSIX shell.
func regenerateCommand(args []string) string {
	out := []string{"flowc", "compile"}
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "check", "check=true", "check=1":
			if strings.HasPrefix(a, "-") {
				continue
			}
		}
		out = append(out, shellQuote(a))
	}
	return strings.Join(out, " ")
}

// shellQuote leaves words of safe characters as they are and single-quotes the rest.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,@+") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
