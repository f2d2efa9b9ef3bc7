package python

import (
	"fmt"

	"github.com/go-python/gpython/ast"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// markStartEnd records the steps marked @step(start=True) and @step(end=True). With several
// marked, none is recorded and the no-start/no-end checks explain. A flow of one step starts and
// ends there, as in Metaflow.
func markStartEnd(fl *ir.Flow) {
	fl.Start, fl.End = marked(fl, "start"), marked(fl, "end")
	if len(fl.Steps) == 1 && fl.Start == "" && fl.End == "" {
		fl.Start, fl.End = fl.Steps[0].Name, fl.Steps[0].Name
	}
}

func marked(fl *ir.Flow, role string) string {
	name, n := "", 0
	for _, s := range fl.Steps {
		for _, d := range s.Decorators {
			if a := d.Arg(role); d.Name == "step" && a != nil && a.Value.Kind == ir.ValBool && a.Value.Bool {
				name, n = s.Name, n+1
			}
		}
	}
	if n != 1 {
		return ""
	}
	return name
}

// stepProblems finds what is wrong with a step's decorators as a whole: one placed below @step
// (Metaflow applies decorators bottom-up, and refuses a step decorator applied before @step), and
// Metaflow user decorators.
func (f *file) stepProblems(d *ast.FunctionDef) []ir.Problem {
	var out []ir.Problem
	stepSeen := ""
	for _, e := range d.DecoratorList {
		deco := f.decorator(e)
		out = append(out, f.userDecorator(e)...)
		switch {
		case deco.Name == "step":
			stepSeen = "@step"
		case stepSeen != "":
			out = append(out, ir.Problem{Check: diag.Decorator, Pos: deco.Pos, Message: fmt.Sprintf(
				"@%s is below @step: decorators apply bottom-up and Metaflow refuses one applied before @step", deco.Name),
				Suggestion: fmt.Sprintf("put @step last, right above def %s", d.Name)})
		}
	}
	return out
}

// userDecorator reports a decorator that is one of Metaflow's user decorators or mutators: a
// class of this file or a local module deriving FlowMutator, StepMutator or UserStepDecorator, or
// a function made with @user_step_decorator.
func (f *file) userDecorator(e ast.Expr) []ir.Problem {
	if c, ok := e.(*ast.Call); ok {
		e = c.Func
	}
	name := dottedTail(e)
	kind := f.userCodeKind(name)
	if kind == "" {
		return nil
	}
	return []ir.Problem{{Check: diag.UserCode, Pos: f.exprPos(e), Message: fmt.Sprintf(
		"@%s is a Metaflow %s: %s", name, kind, userCodeWhy), Suggestion: "write what it does into the flow's steps and decorators"}}
}

// userCodeKind says what kind of Metaflow user code the name defines, "" when none.
func (f *file) userCodeKind(name string) string {
	for _, src := range f.definers(name) {
		if cls, ok := src.node.(*ast.ClassDef); ok {
			for _, b := range cls.Bases {
				switch src.f.tail(b) {
				case "FlowMutator", "StepMutator":
					return "mutator"
				case "UserStepDecorator":
					return "user decorator"
				}
			}
		}
		if fn, ok := src.node.(*ast.FunctionDef); ok {
			for _, d := range fn.DecoratorList {
				if c, ok := d.(*ast.Call); ok {
					d = c.Func
				}
				if src.f.tail(d) == "user_step_decorator" {
					return "user decorator"
				}
			}
		}
	}
	return ""
}

// definition is a module-level class or function and the file that defines it.
type definition struct {
	f    *file
	node ast.Stmt
}

// definers finds the module-level definitions of name: in this file, or in the local module it
// is imported from.
func (f *file) definers(name string) []definition {
	if name == "" {
		return nil
	}
	var out []definition
	for _, bf := range []*file{f, f.importedFrom(name)} {
		if bf == nil || bf.mod == nil {
			continue
		}
		want := name
		if bf != f {
			want = f.imported[name].name
		}
		for _, s := range bf.mod.Body {
			switch s := s.(type) {
			case *ast.ClassDef:
				if string(s.Name) == want {
					out = append(out, definition{bf, s})
				}
			case *ast.FunctionDef:
				if string(s.Name) == want {
					out = append(out, definition{bf, s})
				}
			}
		}
	}
	return out
}

// importedFrom is the local module name was imported from, or nil.
func (f *file) importedFrom(name string) *file {
	imp, ok := f.imported[name]
	if !ok || imp.module == "metaflow" || imp.module == "flowc" {
		return nil
	}
	return f.module(imp.module)
}
