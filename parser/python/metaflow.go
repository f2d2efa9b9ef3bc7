package python

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-python/gpython/ast"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
	pyruntime "github.com/flowc-dev/flowc/internal/runtime/python"
)

// userCodeNames are Metaflow's hooks for user code that runs when a flow is deployed: mutators
// and user decorators. flowc compiles flows without running them, so it refuses them.
var userCodeNames = map[string]bool{
	"FlowMutator": true, "StepMutator": true, "MutableFlow": true, "MutableStep": true,
	"user_step_decorator": true, "UserStepDecorator": true, "USER_SKIP_STEP": true,
}

const userCodeWhy = "it runs user code when the flow is deployed, and flowc compiles flows without running them"

// runtimeImports checks every name the file takes from metaflow or flowc against what flowc's
// runtime provides, at the name's position: a name that compiled but failed to import in the
// image would fail every step.
func (f *file) runtimeImports(m *ast.Module) []ir.Problem {
	var out []ir.Problem
	modAliases := map[string]string{} // import metaflow [as mf]: the local name of the module
	ast.Walk(m, func(n ast.Ast) bool {
		switch n := n.(type) {
		case *ast.ImportFrom:
			if n.Level == 0 {
				out = append(out, f.fromImport(n)...)
			}
		case *ast.Import:
			for _, a := range n.Names {
				out = append(out, f.moduleImport(n, a, modAliases)...)
			}
		}
		return true
	})
	ast.Walk(m, func(n ast.Ast) bool {
		if a, ok := n.(*ast.Attribute); ok {
			if base, ok := a.Value.(*ast.Name); ok && modAliases[string(base.Id)] != "" {
				if p := f.checkName(modAliases[string(base.Id)], string(a.Attr), f.exprPos(a)); p != nil {
					out = append(out, *p)
				}
			}
		}
		return true
	})
	return out
}

// fromImport checks `from metaflow[.sub] import a, b`.
func (f *file) fromImport(n *ast.ImportFrom) []ir.Problem {
	mod := string(n.Module)
	if top := strings.SplitN(mod, ".", 2)[0]; top != "metaflow" && top != "flowc" {
		return nil
	}
	pos := f.pos(n)
	if _, ok := pyruntime.Exported(mod); !ok {
		return []ir.Problem{{Check: diag.Import, Pos: pos, Message: fmt.Sprintf("module %s is not provided by flowc's runtime", mod),
			Suggestion: "the flow may import " + provided(strings.SplitN(mod, ".", 2)[0])}}
	}
	var out []ir.Problem
	for _, a := range n.Names {
		name := string(a.Name)
		if name == "*" {
			continue
		}
		if p := f.checkName(mod, name, f.wordPos(pos, name)); p != nil {
			out = append(out, *p)
		}
	}
	return out
}

// moduleImport checks `import metaflow.sub` and records `import metaflow [as mf]`.
func (f *file) moduleImport(n *ast.Import, a *ast.Alias, aliases map[string]string) []ir.Problem {
	mod := string(a.Name)
	top := strings.SplitN(mod, ".", 2)[0]
	if top != "metaflow" && top != "flowc" {
		return nil
	}
	if _, ok := pyruntime.Exported(mod); !ok {
		return []ir.Problem{{Check: diag.Import, Pos: f.wordPos(f.pos(n), mod), Message: fmt.Sprintf(
			"module %s is not provided by flowc's runtime", mod), Suggestion: "the flow may import " + provided(top)}}
	}
	if a.AsName != "" {
		aliases[string(a.AsName)] = mod
	} else if mod == top {
		aliases[top] = top
	}
	return nil
}

// checkName reports name taken from module mod when the runtime does not provide it.
func (f *file) checkName(mod, name string, pos diag.Pos) *ir.Problem {
	if strings.HasPrefix(name, "__") {
		return nil
	}
	if userCodeNames[name] {
		return &ir.Problem{Check: diag.UserCode, Pos: pos, Message: fmt.Sprintf(
			"%s.%s is not supported: %s", mod, name, userCodeWhy)}
	}
	names, _ := pyruntime.Exported(mod)
	if names == nil || contains(names, name) {
		return nil
	}
	if _, ok := pyruntime.Exported(mod + "." + name); ok {
		return nil // a submodule
	}
	return &ir.Problem{Check: diag.Import, Pos: pos, Message: fmt.Sprintf(
		"%s.%s is not provided by flowc's runtime, so the flow would fail in its image", mod, name),
		Suggestion: fmt.Sprintf("%s provides %s", mod, strings.Join(names, ", "))}
}

// provided names the modules a flow may import from top ("metaflow" or "flowc").
func provided(top string) string {
	return strings.Join(append([]string{top}, pyruntime.Submodules(top)...), ", ")
}

func contains(list []string, s string) bool {
	i := sort.SearchStrings(list, s)
	return i < len(list) && list[i] == s
}

// wordPos finds name as a whole word in the source at or after start (a statement's position),
// within the next few lines: gpython keeps no positions for the names of an import.
func (f *file) wordPos(start diag.Pos, name string) diag.Pos {
	for ln := start.Line; ln < start.Line+20 && ln <= len(f.lines); ln++ {
		line := string(f.line(ln))
		from := 0
		if ln == start.Line {
			from = min(max(start.Col-1, 0), len(line))
		}
		for i := from; i < len(line); {
			j := strings.Index(line[i:], name)
			if j < 0 {
				break
			}
			j += i
			end := j + len(name)
			if (j == 0 || !isWordByte(line[j-1])) && (end == len(line) || !isWordByte(line[end])) {
				return diag.Pos{File: f.name, Line: ln, Col: j + 1}
			}
			i = end
		}
	}
	return start
}

func isWordByte(b byte) bool {
	return b == '_' || b == '.' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}
