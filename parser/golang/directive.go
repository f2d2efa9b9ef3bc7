package golang

import (
	"go/ast"
	"go/token"
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
		l.diags = append(l.diags, diag.Errorf(l.pos(at), "decorator", "cannot read %s%s: %s", prefix, d.name, p.err))
	}
	return deco
}

// strayDirectives warns about //flowc: lines that no flow type or step method took: a blank
// line between the comment and the declaration detaches it, for one.
func (l *loader) strayDirectives(f *ast.File, used map[*ast.Comment]bool) {
	for _, g := range f.Comments {
		for _, c := range g.List {
			d, ok := parseDirective(c)
			if !ok || used[c] {
				continue
			}
			l.diags = append(l.diags, diag.Warningf(l.pos(c.Slash), "decorator",
				"%s%s is not in the doc comment of a flow type or a step method, so it is ignored; put it on the lines right above the declaration",
				prefix, d.name))
		}
	}
}
