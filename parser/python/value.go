package python

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"

	"github.com/flowc-dev/flowc/compiler/ir"
)

// value lowers a literal expression; anything that is not a literal becomes an expr value that
// carries its source form, for the checks to judge and messages to show.
func (f *file) value(e ast.Expr) ir.Value {
	switch e := e.(type) {
	case *ast.Str:
		if f.isFString(e) {
			// The normaliser blanked it to parse it; its text is computed when the flow runs.
			return ir.Value{Kind: ir.ValExpr, Str: "f-string"}
		}
		if s, ok := f.named[[2]int{e.Lineno, e.ColOffset}]; ok { // gpython keeps \N{...} undecoded
			return ir.Value{Kind: ir.ValString, Str: s}
		}
		return ir.Value{Kind: ir.ValString, Str: string(e.S)}
	case *ast.Name:
		if v, ok := f.consts[string(e.Id)]; ok {
			return v
		}
		return ir.Value{Kind: ir.ValExpr, Str: exprString(e), Ref: f.configRef(e)}
	case *ast.Attribute, *ast.Subscript, *ast.Call:
		return ir.Value{Kind: ir.ValExpr, Str: exprString(e), Ref: f.configRef(e)}
	case *ast.Num:
		return numValue(e.N, false)
	case *ast.UnaryOp:
		if n, ok := e.Operand.(*ast.Num); ok && (e.Op == ast.USub || e.Op == ast.UAdd) {
			return numValue(n.N, e.Op == ast.USub)
		}
	case *ast.NameConstant:
		switch e.Value {
		case py.True:
			return ir.Value{Kind: ir.ValBool, Bool: true, Str: "True"}
		case py.False:
			return ir.Value{Kind: ir.ValBool, Bool: false, Str: "False"}
		case py.None:
			return ir.Value{Kind: ir.ValNone, Str: "None"}
		}
	case *ast.List:
		return f.listValue(e.Elts)
	case *ast.Tuple:
		return f.listValue(e.Elts)
	case *ast.Dict:
		v := ir.Value{Kind: ir.ValDict}
		for i := range e.Keys {
			if e.Keys[i] == nil { // a **mapping in the display
				return ir.Value{Kind: ir.ValExpr, Str: exprString(e)}
			}
			v.Keys = append(v.Keys, f.value(e.Keys[i]))
			v.Elems = append(v.Elems, f.value(e.Values[i]))
		}
		return v
	}
	return ir.Value{Kind: ir.ValExpr, Str: exprString(e)}
}

func (f *file) listValue(elts []ast.Expr) ir.Value {
	// Sized once: a module constant can be a list of a hundred thousand literals.
	v := ir.Value{Kind: ir.ValList, List: make([]ir.Value, 0, len(elts))}
	for _, e := range elts {
		v.List = append(v.List, f.value(e))
	}
	return v
}

// numValue lowers a number; neg applies a unary minus that the parser keeps apart from the literal.
func numValue(n py.Object, neg bool) ir.Value {
	sign := ""
	if neg {
		sign = "-"
	}
	switch n := n.(type) {
	case py.Int:
		i := int64(n)
		if neg {
			i = -i
		}
		return ir.Value{Kind: ir.ValInt, Int: i, Str: strconv.FormatInt(i, 10)}
	case *py.BigInt:
		b := (*big.Int)(n)
		return ir.Value{Kind: ir.ValExpr, Str: sign + b.String()}
	case py.Float:
		x := float64(n)
		if neg {
			x = -x
		}
		return ir.Value{Kind: ir.ValFloat, Float: x, Str: strconv.FormatFloat(x, 'g', -1, 64)}
	}
	return ir.Value{Kind: ir.ValExpr, Str: sign + "<number>"}
}

// isFString reports whether the string literal at s's position is an f-string in the source: a
// prefix holding f or F before the quote. (gpython places a string at its prefix.)
func (f *file) isFString(s *ast.Str) bool {
	line := f.line(s.Lineno)
	for i := s.ColOffset; i >= 0 && i < len(line); i++ {
		switch line[i] {
		case 'f', 'F':
			return true
		case 'r', 'R', 'b', 'B', 'u', 'U':
			continue
		}
		return false
	}
	return false
}

// moduleConsts records module-level assignments of literals (URL = "https://..."), which flows
// use as parameter defaults and decorator values; a name assigned twice is not a constant.
func (f *file) moduleConsts(m *ast.Module) {
	f.consts = map[string]ir.Value{}
	seen := map[string]int{}
	for _, s := range m.Body {
		a, ok := s.(*ast.Assign)
		if !ok || len(a.Targets) != 1 {
			continue
		}
		n, ok := a.Targets[0].(*ast.Name)
		if !ok {
			continue
		}
		seen[string(n.Id)]++
		if seen[string(n.Id)] > 1 { // not a constant: no need to lower its value again
			delete(f.consts, string(n.Id))
		} else if v := f.value(a.Value); v.Kind != ir.ValExpr {
			f.consts[string(n.Id)] = v
		}
	}
}

// exprString renders an expression back to source form, for messages. It covers what appears in
// flows' decorator and transition arguments; anything else shows as "...".
func exprString(e ast.Ast) string {
	switch e := e.(type) {
	case nil:
		return ""
	case *ast.Name:
		return string(e.Id)
	case *ast.Attribute:
		return exprString(e.Value) + "." + string(e.Attr)
	case *ast.Str:
		return strconv.Quote(string(e.S))
	case *ast.Num:
		return numValue(e.N, false).Str
	case *ast.NameConstant:
		switch e.Value {
		case py.True:
			return "True"
		case py.False:
			return "False"
		}
		return "None"
	case *ast.Call:
		var args []string
		for _, a := range e.Args {
			args = append(args, exprString(a))
		}
		for _, k := range e.Keywords {
			args = append(args, string(k.Arg)+"="+exprString(k.Value))
		}
		return exprString(e.Func) + "(" + strings.Join(args, ", ") + ")"
	case *ast.IfExp:
		return exprString(e.Body) + " if " + exprString(e.Test) + " else " + exprString(e.Orelse)
	case *ast.Subscript:
		return exprString(e.Value) + "[...]"
	case *ast.List:
		return "[" + joinExprs(e.Elts) + "]"
	case *ast.Tuple:
		return "(" + joinExprs(e.Elts) + ")"
	case *ast.BoolOp:
		op := " and "
		if e.Op == ast.Or {
			op = " or "
		}
		parts := make([]string, len(e.Values))
		for i, v := range e.Values {
			parts[i] = exprString(v)
		}
		return strings.Join(parts, op)
	case *ast.UnaryOp:
		if e.Op == ast.USub {
			return "-" + exprString(e.Operand)
		}
	case *ast.Lambda:
		return "lambda: " + exprString(e.Body)
	}
	return "..."
}

func joinExprs(es []ast.Expr) string {
	parts := make([]string, len(es))
	for i, x := range es {
		parts[i] = exprString(x)
	}
	return strings.Join(parts, ", ")
}

func quote(s string) string { return strconv.Quote(s) }
