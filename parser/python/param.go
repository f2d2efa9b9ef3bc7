package python

import (
	"github.com/go-python/gpython/ast"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// paramPositional is the order of Parameter's positional arguments in Metaflow.
var paramPositional = []string{"name", "default", "type", "help", "required"}

// param lowers `attr = Parameter("name", ...)` in a class body; other assignments give nil.
func (f *file) param(s *ast.Assign) *ir.Param {
	if len(s.Targets) != 1 {
		return nil
	}
	target, ok := s.Targets[0].(*ast.Name)
	call, isCall := s.Value.(*ast.Call)
	if !ok || !isCall {
		return nil
	}
	kind := f.tail(call.Func)
	if kind != "Parameter" && kind != "IncludeFile" {
		return nil
	}
	p := &ir.Param{Attr: string(target.Id), Pos: f.exprPos(call)}
	positional := paramPositional
	if kind == "IncludeFile" {
		positional = includePositional
	}
	args := map[string]ast.Expr{}
	for i, a := range call.Args {
		if i < len(positional) {
			args[positional[i]] = a
		}
	}
	for _, k := range call.Keywords {
		args[string(k.Arg)] = k.Value
	}
	f.paramName(p, args["name"], call)
	if d := args["default"]; d != nil {
		v := f.value(d)
		if v.Kind != ir.ValNone {
			p.Default, p.DefaultPos = &v, f.exprPos(d)
		}
	}
	p.Type = f.paramType(p, args["type"])
	if h := args["help"]; h != nil {
		if v := f.value(h); v.Kind == ir.ValString {
			p.Help = v.Str
		}
	}
	if kind == "IncludeFile" {
		f.include(p, args)
	}
	if r := args["required"]; r != nil {
		v := f.value(r)
		if v.Kind != ir.ValBool {
			p.Problems = append(p.Problems, ir.Problem{Check: diag.Parameter, Pos: f.exprPos(r),
				Message: "required= must be True or False"})
		}
		p.Required = v.Bool
	}
	return p
}

// paramName reads the parameter's name, which must be a string literal.
func (f *file) paramName(p *ir.Param, e ast.Expr, call *ast.Call) {
	if e == nil {
		p.NamePos = f.exprPos(call)
		p.Problems = append(p.Problems, ir.Problem{Check: diag.Parameter, Pos: p.NamePos,
			Message: "Parameter needs a name as its first argument"})
		return
	}
	p.NamePos = f.exprPos(e)
	if v := f.value(e); v.Kind == ir.ValString {
		p.Name = v.Str
		return
	}
	p.Problems = append(p.Problems, ir.Problem{Check: diag.Parameter, Pos: p.NamePos,
		Message: "the name of parameter " + quote(p.Attr) + " must be a string literal"})
}

// paramType reads type= or infers the type from the default, as Metaflow does.
func (f *file) paramType(p *ir.Param, e ast.Expr) ir.ParamType {
	if e != nil {
		switch f.tail(e) {
		case "str":
			return ir.TypeStr
		case "int":
			return ir.TypeInt
		case "float":
			return ir.TypeFloat
		case "bool":
			return ir.TypeBool
		case "JSONType":
			return ir.TypeJSON
		}
		p.Problems = append(p.Problems, ir.Problem{Check: diag.Parameter, Pos: f.exprPos(e),
			Message: "parameter " + quote(p.Name) + " has type " + exprString(e) +
				"; flowc supports str, int, float, bool and JSONType"})
		return ir.TypeStr
	}
	if p.Default == nil {
		return ir.TypeStr
	}
	switch p.Default.Kind {
	case ir.ValInt:
		return ir.TypeInt
	case ir.ValFloat:
		return ir.TypeFloat
	case ir.ValBool:
		return ir.TypeBool
	case ir.ValList, ir.ValDict:
		return ir.TypeJSON
	}
	return ir.TypeStr
}

// includePositional is the order of IncludeFile's positional arguments in Metaflow.
var includePositional = []string{"name", "required", "is_text", "encoding", "help"}

// include reads what an IncludeFile adds to a parameter: how the file is read, and its default
// path when that is a literal (a computed default is evaluated in the step, in the image).
func (f *file) include(p *ir.Param, args map[string]ast.Expr) {
	inc := &ir.Include{IsText: true, Encoding: "utf-8"}
	if e := args["is_text"]; e != nil {
		if v := f.value(e); v.Kind == ir.ValBool {
			inc.IsText = v.Bool
		}
	}
	if e := args["encoding"]; e != nil {
		if v := f.value(e); v.Kind == ir.ValString {
			inc.Encoding = v.Str
		}
	}
	if p.Default != nil && p.Default.Kind == ir.ValString {
		inc.Path, inc.PathPos = p.Default.Str, p.DefaultPos
	}
	p.Type, p.Include = ir.TypeStr, inc
}
