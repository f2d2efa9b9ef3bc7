package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/flowc-dev/flowc/internal/diag"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1 // diagnostics, a stale --check, a failed run
	exitUsage = 2
)

// env is what every command gets: its streams and the context that a signal cancels.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	flags  *flag.FlagSet // the flag set the command made last
}

type command struct {
	name    string
	summary string
	run     func(e *env, args []string) int
}

func commands() []command {
	return []command{
		{"compile", "compile flows to Argo manifests and build specs", runCompile},
		{"check", "check flows and report problems, writing nothing", runCheck},
		{"run", "run a flow locally, each step in its own process", runRun},
		{"graph", "print a flow's DAG as Mermaid or DOT", runGraph},
		{"build", "build and push flows' images from their build specs", runBuild},
		{"apply", "compile flows and server-side apply them to the cluster", runApply},
		{"submit", "start a run of a flow's applied template", runSubmit},
		{"runs", "list local runs (runs prune --keep N deletes old ones)", runRuns},
		{"show", "show a local run, a step's artifacts, or one artifact", runShow},
		{"logs", "print the logs of a step of a local run", runLogs},
		{"init", "write a small working flow to start from", runInit},
		{"completion", "print a shell completion script (bash, zsh, fish)", runCompletion},
		{"version", "print flowc's version", runVersion},
	}
}

// run is flowc's whole command line; main only calls it and exits with its result.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 2 && args[0] == "help" {
		// "flowc help compile" is "flowc compile --help", as go help and kubectl help are.
		for _, c := range commands() {
			if c.name == args[1] {
				return c.run(e, []string{"--help"})
			}
		}
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(stderr, "flowc: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: flowc <command> [flags] [arguments]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nrun 'flowc <command> --help' for a command's flags and examples")
}

// parseFlags parses flags that may come before, between or after the positional arguments, as
// users type them (`flowc compile flow.py -o out`). It returns the positional arguments, and
// ok=false with the exit code when parsing ended the command (an error, or -h).
func parseFlags(fs *flag.FlagSet, args []string) (pos []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, 0, true
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), 0, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// newFlagSet makes a command's flag set, printing its usage line on -h or a bad flag.
func newFlagSet(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { printUsage(e.stderr, fs, name, synopsis) }
	e.flags = fs // for completion, which reads each command's flags
	return fs
}

// printDiags writes diagnostics in the chosen format, with caret snippets on a terminal. JSON
// goes to stdout, for machines, unless stdout carries the manifests (compile -o -).
func printDiags(e *env, format string, l diag.List) {
	if format == "json" {
		_ = diag.WriteJSON(e.stdout, l)
		return
	}
	if format == "json-stderr" {
		_ = diag.WriteJSON(e.stderr, l)
		return
	}
	p := &diag.Printer{W: e.stderr, Caret: isTerminal(e.stderr), Source: readSource}
	p.Print(l)
}

func readSource(file string) []byte {
	data, _ := os.ReadFile(file)
	return data
}

// isTerminal reports whether w is a character device, where a caret snippet helps a reader.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// usageErr reports a usage problem and returns the usage exit code.
func usageErr(e *env, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "flowc: "+format+"\n", args...)
	return exitUsage
}

func oneOf(v string, allowed ...string) bool {
	for _, a := range allowed {
		if strings.EqualFold(v, a) {
			return true
		}
	}
	return false
}
