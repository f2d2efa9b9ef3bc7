package check

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/parser/python"
)

// parseFlow builds a Python flow from a small graph language, one step a line:
//
//	start -> a b                 a split (a transition with two targets)
//	a -> body foreach=items      a foreach
//	join(inputs) -> end          a join (NumArgs 2); name/N sets NumArgs to N
//	a -> b [if]                  a transition under an "if"
//	a -> b | -> c                two transitions
//	end                          no transition
//
// Line n of the text is line n of flow.py; the first line of the text is usually empty, so that
// steps start on line 2. The step is at column 5, transition k at column 10+40k, its target i at
// column 20+40k+6i and its foreach= at column 40+40k. The flow is "TestFlow" at 1:7.
func parseFlow(t testing.TB, text string) *ir.Flow {
	t.Helper()
	f := &ir.Flow{Name: "TestFlow", Lang: ir.Python, Words: python.Words, File: "flow.py", Pos: pos(1, 7)}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f.Steps = append(f.Steps, parseStep(t, i+1, line))
	}
	return f
}

func parseStep(t testing.TB, ln int, line string) *ir.Step {
	head, rest, _ := strings.Cut(line, "->")
	s := &ir.Step{Pos: pos(ln, 5), DecoPos: pos(ln-1, 5), NumArgs: 1}
	s.Name = strings.TrimSpace(head)
	if n, ok := strings.CutSuffix(s.Name, "(inputs)"); ok {
		s.Name, s.NumArgs = n, 2
	} else if n, k, ok := strings.Cut(s.Name, "/"); ok {
		s.Name = n
		s.NumArgs, _ = strconv.Atoi(k)
	}
	if !strings.Contains(line, "->") {
		return s
	}
	for k, part := range strings.Split(rest, "|") {
		part = strings.TrimPrefix(strings.TrimSpace(part), "->")
		tr := &ir.Transition{Pos: pos(ln, 10+40*k)}
		for _, tok := range strings.Fields(part) {
			switch {
			case strings.HasPrefix(tok, "foreach="):
				tr.Foreach, tr.ForeachPos = strings.TrimPrefix(tok, "foreach="), pos(ln, 40+40*k)
			case strings.HasPrefix(tok, "["):
				tr.Context, tr.ContextPos = strings.Trim(tok, "[]"), pos(ln, 9)
			default:
				tr.Targets = append(tr.Targets, ir.Target{Name: tok, Pos: pos(ln, 20+40*k+6*len(tr.Targets))})
			}
		}
		s.Transitions = append(s.Transitions, tr)
	}
	return s
}

func pos(line, col int) diag.Pos { return diag.Pos{File: "flow.py", Line: line, Col: col} }

// format renders diagnostics one a line, with their notes and suggestion indented under them.
func format(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		fmt.Fprintln(&b, d.String())
		for _, n := range d.Notes {
			fmt.Fprintf(&b, "\tnote: %s: %s\n", n.Pos, n.Message)
		}
		if d.Suggestion != "" {
			fmt.Fprintf(&b, "\thelp: %s\n", d.Suggestion)
		}
	}
	return b.String()
}

// expect runs every check on f and compares what they report with want, a line each, leading
// tabs and blank lines ignored (notes and suggestions are indented with one "\t" after trimming).
func expect(t *testing.T, f *ir.Flow, want string) {
	t.Helper()
	got := format(Run(f))
	if norm(got) != norm(want) {
		t.Errorf("diagnostics differ\ngot:\n%s\nwant:\n%s", got, norm(want))
	}
}

func norm(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "note:") || strings.HasPrefix(l, "help:") {
			l = "\t" + l
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// step returns the step named name of f, for tests that adjust what parseFlow built.
func step(t testing.TB, f *ir.Flow, name string) *ir.Step {
	t.Helper()
	s := f.Step(name)
	if s == nil {
		t.Fatalf("no step %q", name)
	}
	return s
}

// str, num and boolean build literal Values.
func str(s string) ir.Value { return ir.Value{Kind: ir.ValString, Str: s} }

func num(n int64) ir.Value { return ir.Value{Kind: ir.ValInt, Int: n, Str: strconv.FormatInt(n, 10)} }

func flag(b bool) ir.Value { return ir.Value{Kind: ir.ValBool, Bool: b} }

// deco builds a decorator at line ln from name=value pairs.
func deco(ln int, name string, kv ...any) *ir.Decorator {
	d := &ir.Decorator{Name: name, Pos: pos(ln, 5)}
	for i := 0; i+1 < len(kv); i += 2 {
		d.Args = append(d.Args, ir.Arg{Name: kv[i].(string), Value: kv[i+1].(ir.Value), Pos: pos(ln, 10+10*len(d.Args))})
	}
	return d
}
