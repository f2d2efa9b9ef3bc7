package python

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/ast"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// flows finds the flow classes of a module and lowers each to the IR. A flow class derives from
// FlowSpec, directly or through other classes: of the same file, or of local modules it imports
// them from (when the frontend has a Loader). A class that another flow class of the file derives
// from is a base, not a flow of its own, and lends it its steps and parameters.
func (f *file) flows(mod ast.Mod) ([]*ir.Flow, diag.List) {
	m, ok := mod.(*ast.Module)
	if !ok {
		return nil, nil
	}
	f.index(m)
	var order []*ast.ClassDef
	for _, s := range m.Body {
		if c, ok := s.(*ast.ClassDef); ok {
			order = append(order, c)
		}
	}
	isFlow := map[string]bool{}
	isBase := map[string]bool{}
	for _, c := range order {
		if derives(classRef{f, c}, 0) {
			isFlow[string(c.Name)] = true
			for _, b := range c.Bases {
				isBase[f.tail(b)] = true
			}
		}
	}
	imports := f.imports(m)
	fileProblems := f.runtimeImports(m)
	var out []*ir.Flow
	var diags diag.List
	for _, c := range order {
		name := string(c.Name)
		if !isFlow[name] {
			diags = append(diags, f.foreignBase(c)...)
			continue
		}
		if isBase[name] && f.classes[name] != nil {
			continue
		}
		fl := &ir.Flow{Name: name, Lang: ir.Python, Words: Words, File: f.name, Pos: f.classNamePos(c), Imports: imports}
		f.lowerClass(fl, c, map[*ast.ClassDef]bool{})
		lastOfEachName(fl)
		if len(fl.Steps) > 0 { // a FlowSpec subclass without steps is a base for other files
			fl.Problems = append(append([]ir.Problem(nil), fileProblems...), fl.Problems...)
			markStartEnd(fl)
			configNames(fl)
			resolveRefs(fl)
			out = append(out, fl)
		}
	}
	return out, diags
}

// derives reports whether a class derives from FlowSpec through the classes flowc can read.
func derives(r classRef, depth int) bool {
	if depth > maxBaseDepth {
		return false // a base cycle; Python rejects it at run time
	}
	for _, b := range r.c.Bases {
		if r.f.tail(b) == "FlowSpec" {
			return true
		}
		if br, ok := r.f.resolve(b); ok && br.c != r.c && derives(br, depth+1) {
			return true
		}
	}
	return false
}

// foreignBase explains a class that has @step methods but no FlowSpec that flowc can see.
func (f *file) foreignBase(c *ast.ClassDef) diag.List {
	hasStep := false
	for _, s := range c.Body {
		if d, ok := s.(*ast.FunctionDef); ok && f.isStep(d) {
			hasStep = true
		}
	}
	if !hasStep {
		return nil
	}
	for _, b := range c.Bases {
		n := f.tail(b)
		if n == "" || n == "object" || f.classes[n] != nil {
			continue
		}
		where := "in a module flowc cannot read"
		if imp, ok := f.imported[n]; ok {
			where = fmt.Sprintf("in module %s, which flowc cannot find next to the flow or cannot parse", imp.module)
		}
		return diag.List{diag.Errorf(f.classNamePos(c), diag.NoFlow,
			"class %s has @step methods, but its base %s is defined %s", c.Name, exprString(b), where).
			Suggest("define %s in the flow's file or in a module beside it, where flowc reads flows and their bases", exprString(b))}
	}
	return nil
}

// lowerClass adds the parameters, steps and decorators of c and of its bases to fl, bases first,
// so that a subclass's step of the same name replaces the base's, as Python's lookup does. A base
// from another module is lowered with that module's file, so its positions are its own.
func (f *file) lowerClass(fl *ir.Flow, c *ast.ClassDef, seen map[*ast.ClassDef]bool) {
	if seen[c] {
		return
	}
	seen[c] = true
	// Python looks a name up in the class, then its bases from left to right: lower the bases
	// right to left, so that the leftmost one's steps replace the others'.
	for i := len(c.Bases) - 1; i >= 0; i-- {
		if br, ok := f.resolve(c.Bases[i]); ok {
			br.f.lowerClass(fl, br.c, seen)
		}
	}
	for _, d := range c.DecoratorList {
		if p := f.userDecorator(d); p != nil {
			fl.Problems = append(fl.Problems, p...)
			continue // refused, not also an unknown decorator
		}
		fl.Decorators = append(fl.Decorators, f.decorator(d))
	}
	defined := map[string]bool{} // step methods of this class so far
	for _, s := range c.Body {
		switch s := s.(type) {
		case *ast.Assign:
			fl.Problems = append(fl.Problems, f.rebinds(s, defined)...)
			if cfg := f.config(s); cfg != nil {
				fl.Configs = append(fl.Configs, cfg)
			} else if p := f.param(s); p != nil {
				fl.Params = append(fl.Params, p)
			}
		case *ast.FunctionDef:
			if st := f.step(s); st != nil {
				if defined[st.Name] {
					// Python keeps the last def: usually a step copied and not renamed.
					fl.Problems = append(fl.Problems, ir.Problem{Check: diag.StepName, Pos: st.Pos, Warning: true,
						Message:    fmt.Sprintf("step %q is defined again in class %s; Python keeps this one and drops the first", st.Name, c.Name),
						Suggestion: "rename one of them"})
				}
				defined[st.Name] = true
				fl.Steps = append(fl.Steps, st)
				fl.Problems = append(fl.Problems, f.stepProblems(s)...)
				fl.Problems = append(fl.Problems, f.bodyProblems(s, st)...)
			}
		}
	}
}

// rebinds reports a class attribute assigned after the step method of its name, which Python then
// replaces with the value: the step the graph has would not exist when the flow runs.
func (f *file) rebinds(a *ast.Assign, defined map[string]bool) []ir.Problem {
	var out []ir.Problem
	for _, t := range a.Targets {
		if n, ok := t.(*ast.Name); ok && defined[string(n.Id)] {
			out = append(out, ir.Problem{Check: diag.StepName, Pos: f.pos(n), Message: fmt.Sprintf(
				"%q is assigned after its @step method, which the assignment replaces: the step would not exist when the flow runs", string(n.Id)),
				Suggestion: "rename the attribute or the step"})
		}
	}
	return out
}

// lastOfEachName keeps one step, parameter and config of each name, the one lowered last (a
// subclass's replaces its base's, as Python's lookup does) at the place of the first. One pass
// with a map: a flow of many thousand steps is lowered in linear time.
func lastOfEachName(fl *ir.Flow) {
	fl.Steps = lastByKey(fl.Steps, func(s *ir.Step) string { return s.Name })
	fl.Params = lastByKey(fl.Params, func(p *ir.Param) string { return p.Attr })
	fl.Configs = lastByKey(fl.Configs, func(c *ir.Config) string { return c.Attr })
}

func lastByKey[T any](list []T, key func(T) string) []T {
	at := make(map[string]int, len(list))
	out := list[:0]
	for _, v := range list {
		if i, ok := at[key(v)]; ok {
			out[i] = v
			continue
		}
		at[key(v)] = len(out)
		out = append(out, v)
	}
	return out
}

// classNamePos is the position of the name in `class Name(`: gpython places a ClassDef at `class`.
func (f *file) classNamePos(c *ast.ClassDef) diag.Pos {
	p := f.pos(c)
	line := f.line(p.Line)
	i := p.Col - 1 + len("class")
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if i <= len(line) {
		p.Col = i + 1
	}
	return p
}

// imports lists every module the file imports, at any depth, in source order: steps often
// import inside their bodies, and the build context needs them all.
func (f *file) imports(m *ast.Module) []ir.Import {
	var out []ir.Import
	ast.Walk(m, func(n ast.Ast) bool {
		switch n := n.(type) {
		case *ast.Import:
			for _, a := range n.Names {
				out = append(out, ir.Import{Module: string(a.Name), Pos: f.pos(n)})
			}
		case *ast.ImportFrom:
			mod := string(n.Module)
			for i := 0; i < n.Level; i++ {
				mod = "." + mod
			}
			imp := ir.Import{Module: mod, Pos: f.pos(n)}
			for _, a := range n.Names {
				imp.Names = append(imp.Names, string(a.Name))
			}
			out = append(out, imp)
		}
		return true
	})
	return out
}

// tail is dottedTail with the names imported from metaflow or flowc under an alias resolved:
// `from metaflow import environment as env` makes @env mean @environment.
func (f *file) tail(e ast.Expr) string {
	n := dottedTail(e)
	if real, ok := f.aliases[n]; ok {
		return real
	}
	return n
}

// importAliases records `from metaflow import X as Y` (and from flowc, and their submodules).
func (f *file) importAliases(m *ast.Module) {
	f.aliases = map[string]string{}
	for _, s := range m.Body {
		imp, ok := s.(*ast.ImportFrom)
		if !ok {
			continue
		}
		if mod := strings.SplitN(string(imp.Module), ".", 2)[0]; mod != "metaflow" && mod != "flowc" {
			continue
		}
		for _, a := range imp.Names {
			if a.AsName != "" && a.AsName != a.Name {
				f.aliases[string(a.AsName)] = string(a.Name)
			}
		}
	}
}

// dottedTail is the last name of a dotted reference: FlowSpec for both FlowSpec and
// metaflow.FlowSpec. Anything else gives "".
func dottedTail(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Name:
		// gpython reads a dotted decorator name as one Name "a.b.c".
		id := string(e.Id)
		return id[strings.LastIndexByte(id, '.')+1:]
	case *ast.Attribute:
		return string(e.Attr)
	}
	return ""
}
