package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// valueChoices are the values a flag of a command takes, offered after the flag.
var valueChoices = map[string]string{
	"compile --format": "text json", "check --format": "text json", "compile --kind": "workflowtemplate workflow",
	"apply --kind": "workflowtemplate workflow", "apply --dry-run": "none client server",
	"graph --format": "mermaid dot", "init --lang": "python go",
	"runs -o": "table json yaml", "show -o": "table json yaml", "version -o": "text json yaml",
}

// runIDCommands take a local run id as their first argument.
var runIDCommands = "show logs"

func runCompletion(e *env, args []string) int {
	fs := newFlagSet(e, "completion", "bash|zsh|fish")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 || !oneOf(pos[0], "bash", "zsh", "fish") {
		return usageErr(e, "completion needs a shell: bash, zsh or fish")
	}
	specs := commandSpecs(e)
	switch strings.ToLower(pos[0]) {
	case "bash":
		writeBash(e.stdout, specs)
	case "zsh":
		// zsh reads bash completion functions through bashcompinit.
		fmt.Fprintln(e.stdout, "#compdef flowc\nautoload -U +X bashcompinit && bashcompinit")
		writeBash(e.stdout, specs)
	case "fish":
		writeFish(e.stdout, specs)
	}
	return exitOK
}

// commandSpec is what completion offers for one command.
type commandSpec struct {
	command
	flags []*flag.Flag
}

// commandSpecs asks every command for its flags: each builds its flag set and stops at --help,
// with its output discarded, so the flags completed are the ones the command parses.
func commandSpecs(e *env) []commandSpec {
	var out []commandSpec
	for _, c := range commands() {
		probe := &env{ctx: e.ctx, stdin: e.stdin, stdout: io.Discard, stderr: io.Discard}
		if c.name != "completion" {
			c.run(probe, []string{"--help"})
		}
		s := commandSpec{command: c}
		if probe.flags != nil {
			probe.flags.VisitAll(func(f *flag.Flag) { s.flags = append(s.flags, f) })
		}
		out = append(out, s)
	}
	return out
}

func writeBash(w io.Writer, specs []commandSpec) {
	var names []string
	for _, s := range specs {
		names = append(names, s.name)
	}
	fmt.Fprintf(w, `# bash completion for flowc: source <(flowc completion bash)
_flowc() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=( $(compgen -W %q -- "$cur") )
        return
    fi
    local cmd="${COMP_WORDS[1]}" flags="" values=""
    case "$cmd" in
`, strings.Join(names, " "))
	for _, s := range specs {
		var fl []string
		for _, f := range s.flags {
			fl = append(fl, flagName(f.Name))
		}
		fmt.Fprintf(w, "        %s) flags=%q ;;\n", s.name, strings.Join(fl, " "))
	}
	fmt.Fprintf(w, "    esac\n    case \"$cmd $prev\" in\n")
	for _, k := range sortedKeys(valueChoices) {
		fmt.Fprintf(w, "        %q) values=%q ;;\n", k, valueChoices[k])
	}
	fmt.Fprintf(w, `    esac
    if [[ -n "$values" ]]; then
        COMPREPLY=( $(compgen -W "$values" -- "$cur") )
    elif [[ "$cur" == -* ]]; then
        COMPREPLY=( $(compgen -W "$flags" -- "$cur") )
    elif [[ $COMP_CWORD -eq 2 && " %s " == *" $cmd "* ]]; then
        COMPREPLY=( $(compgen -W "$(ls "${FLOWC_RUNS_DIR:-.flowc/runs}" 2>/dev/null)" -- "$cur") )
    elif [[ "$cmd" == completion ]]; then
        COMPREPLY=( $(compgen -W "bash zsh fish" -- "$cur") )
    else
        COMPREPLY=( $(compgen -f -- "$cur") )
    fi
}
complete -o default -F _flowc flowc
`, runIDCommands)
}

func writeFish(w io.Writer, specs []commandSpec) {
	fmt.Fprintln(w, "# fish completion for flowc: flowc completion fish | source")
	fmt.Fprintln(w, "complete -c flowc -f")
	for _, s := range specs {
		fmt.Fprintf(w, "complete -c flowc -n __fish_use_subcommand -a %s -d %s\n", s.name, fishQuote(s.summary))
	}
	for _, s := range specs {
		cond := "__fish_seen_subcommand_from " + s.name
		for _, f := range s.flags {
			opt := "-l " + f.Name
			if len(f.Name) == 1 {
				opt = "-s " + f.Name
			}
			_, usage := flag.UnquoteUsage(f)
			line := fmt.Sprintf("complete -c flowc -n %s %s -d %s", fishQuote(cond), opt, fishQuote(usage))
			if v, ok := valueChoices[s.name+" "+flagName(f.Name)]; ok {
				line += " -x -a " + fishQuote(v)
			} else if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); !isBool {
				line += " -r -F"
			}
			fmt.Fprintln(w, line)
		}
		if s.name != "completion" {
			fmt.Fprintf(w, "complete -c flowc -n %s -F\n", fishQuote(cond))
		}
	}
	fmt.Fprintln(w, "complete -c flowc -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'")
}

// fishQuote single-quotes s for fish, where only \ and ' are special inside single quotes.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
