package golang

import (
	"go/ast"
	"go/token"
	"sort"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// prefix starts a flowc directive, written like the go: directives: no space after //.
const prefix = "//flowc:"

// directive is one //flowc:NAME ARGS comment line.
type directive struct {
	name    string
	args    string
	comment *ast.Comment
	argsOff int // the byte offset of args in the comment
}

// directives lists the //flowc: lines of comment groups, in order.
func (l *loader) directives(groups ...*ast.CommentGroup) []directive {
	var out []directive
	for _, g := range groups {
		if g == nil {
			continue
		}
		for _, c := range g.List {
			if d, ok := parseDirective(c); ok {
				out = append(out, d)
			}
		}
	}
	return out
}

func parseDirective(c *ast.Comment) (directive, bool) {
	if !strings.HasPrefix(c.Text, prefix) {
		return directive{}, false
	}
	rest := c.Text[len(prefix):]
	end := strings.IndexAny(rest, " \t")
	if end < 0 {
		end = len(rest)
	}
	d := directive{name: rest[:end], comment: c, argsOff: len(prefix) + end}
	d.args = rest[end:]
	return d, true
}

// knownDirectives are the //flowc: names the Go frontend reads: the markers and the decorators
// that mean something for a Go flow. Any other name is a typo.
var knownDirectives = map[string]bool{
	"flow": true, "step": true, "resources": true, "kubernetes": true, "retry": true, "timeout": true,
	"catch": true, "environment": true, "secrets": true, "schedule": true, "project": true,
}

// decorators lowers the directives other than the marker; an unknown one is an error, not a
// decorator for the checks to warn about.
func (l *loader) decorators(ds []directive, marker string) []*ir.Decorator {
	var out []*ir.Decorator
	for _, d := range ds {
		switch {
		case d.name == marker:
		case d.name == "" && len(strings.Fields(d.args)) > 0:
			l.diags = append(l.diags, spaceAfterPrefix(l.pos(d.comment.Slash), d))
		case !knownDirectives[d.name] || d.name == "flow" || d.name == "step":
			l.diags = append(l.diags, diag.Errorf(l.pos(d.comment.Slash), diag.Decorator,
				"unknown directive %s%s", prefix, d.name).Suggest("%s", suggestDirective(d.name)))
		default:
			out = append(out, l.decorator(d))
		}
	}
	return out
}

// spaceAfterPrefix reports "//flowc: NAME", a directive written with a space that names none.
func spaceAfterPrefix(pos diag.Pos, d directive) diag.Diagnostic {
	return diag.Errorf(pos, diag.Decorator, "%s is followed by a space, so it names no directive", prefix).
		Suggest("write %s%s, with no space, as go: directives are written", prefix, strings.Fields(d.args)[0])
}

// suggestDirective names a known directive one edit or a swap away from name.
func suggestDirective(name string) string {
	for _, k := range sortedDirectives() {
		if closeTo(name, k) {
			return "did you mean " + prefix + k + "?"
		}
	}
	return "flowc reads " + knownList()
}

func knownList() string {
	names := sortedDirectives()
	for i, n := range names {
		names[i] = prefix + n
	}
	return strings.Join(names, ", ")
}

func sortedDirectives() []string {
	var out []string
	for k := range knownDirectives {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// closeTo reports whether a and b differ by one insertion, deletion, substitution or adjacent
// swap: the typos a directive name gets.
func closeTo(a, b string) bool {
	if a == b {
		return false
	}
	if len(a) == len(b) {
		diff := []int{}
		for i := range a {
			if a[i] != b[i] {
				diff = append(diff, i)
			}
		}
		return len(diff) == 1 || len(diff) == 2 && diff[1] == diff[0]+1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) != 1 {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return a[i:] == b[i+1:]
		}
	}
	return true
}

func findDirective(ds []directive, name string) *directive {
	for i := range ds {
		if ds[i].name == name {
			return &ds[i]
		}
	}
	return nil
}

func markUsed(ds []directive, used map[*ast.Comment]bool) {
	for _, d := range ds {
		used[d.comment] = true
	}
}

// decorator lowers a directive to a decorator with typed arguments; what does not parse is a
// decorator diagnostic at the place it stops making sense, and the arguments before it stay.
func (l *loader) decorator(d directive) *ir.Decorator {
	deco := &ir.Decorator{Name: d.name, Pos: l.pos(d.comment.Slash)}
	p := &argParser{s: d.args}
	for {
		a, ok := p.arg()
		if !ok {
			break
		}
		at := d.comment.Slash + token.Pos(d.argsOff+a.off)
		deco.Args = append(deco.Args, ir.Arg{Name: a.name, Value: a.val, Pos: l.pos(at)})
	}
	if p.err != "" {
		at := d.comment.Slash + token.Pos(d.argsOff+p.errAt)
		l.diags = append(l.diags, diag.Errorf(l.pos(at), diag.Decorator, "cannot read %s%s: %s", prefix, d.name, p.err))
	}
	return deco
}

// strayDirectives warns about //flowc: lines that no flow type or step method took: a blank
// line between the comment and the declaration detaches it, for one.
func (l *loader) strayDirectives(f *ast.File, used map[*ast.Comment]bool) {
	for _, g := range f.Comments {
		for _, c := range g.List {
			if rest, ok := strings.CutPrefix(c.Text, "// flowc:"); ok && len(strings.Fields(rest)) > 0 && knownDirectives[strings.Fields(rest)[0]] {
				// gofmt writes "//flowc: retry" so, and the go command reads no directive there; prose
				// ("// flowc: see the README") is left alone.
				l.diags = append(l.diags, diag.Errorf(l.pos(c.Slash), diag.Decorator,
					"// flowc: has a space after //, so it is a comment, not a directive").
					Suggest("write %s%s, with no space, as go: directives are written", prefix, strings.Fields(rest)[0]))
				continue
			}
			d, ok := parseDirective(c)
			if !ok || used[c] {
				continue
			}
			if d.name == "" && len(strings.Fields(d.args)) > 0 {
				// "//flowc: step" is read by no one: what was meant is plain.
				l.diags = append(l.diags, spaceAfterPrefix(l.pos(c.Slash), d))
				continue
			}
			l.diags = append(l.diags, diag.Warningf(l.pos(c.Slash), diag.Decorator,
				"%s%s is not in the doc comment of a flow type or a step method, so it is ignored", prefix, d.name).
				Suggest("put it on the lines right above the declaration"))
		}
	}
}
