package python

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/go-python/gpython/ast"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// configRef recognises an expression that only reads a config value: `cfg.a.b`, `cfg["a"]`,
// `self.cfg.a` or `config_expr("cfg.a")` (and reads below it, `config_expr("cfg").a`). The root
// is recorded by attribute or, for config_expr, by the config's name; resolveRefs keeps the refs
// whose root is a config of the flow.
func (f *file) configRef(e ast.Expr) *ir.ConfigRef {
	pos := f.exprPos(e)
	var path []string
	for {
		switch x := e.(type) {
		case *ast.Attribute:
			path = append([]string{string(x.Attr)}, path...)
			e = x.Value
		case *ast.Subscript:
			idx, ok := x.Slice.(*ast.Index)
			if !ok {
				return nil
			}
			key, isStr := idx.Value.(*ast.Str)
			if !isStr {
				return nil
			}
			path = append([]string{string(key.S)}, path...)
			e = x.Value
		case *ast.Name:
			id := string(x.Id)
			if id == "self" {
				if len(path) == 0 {
					return nil
				}
				return &ir.ConfigRef{Attr: path[0], Path: path[1:], Pos: pos}
			}
			if strings.Contains(id, ".") { // gpython's dotted decorator name
				return nil
			}
			return &ir.ConfigRef{Attr: id, Path: path, Pos: pos}
		case *ast.Call:
			root, p, conv, ok := f.configExpr(x)
			if !ok || (conv != "" && len(path) > 0) {
				return nil // a converted value is a scalar: nothing reads below it
			}
			return &ir.ConfigRef{Config: root, Path: append(p, path...), Conv: conv, Pos: pos}
		default:
			return nil
		}
	}
}

// configExprPath matches what config_expr may hold for flowc to evaluate it: a config's name
// and reads below it, or one of Python's scalar conversions of that (configExprConv).
var configExprPath = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_]*)((?:\s*(?:\.\s*[A-Za-z_][A-Za-z0-9_]*|\[\s*(?:"[^"\\]*"|'[^'\\]*')\s*\]))*)\s*$`)

var configExprConv = regexp.MustCompile(`^\s*(str|int|float|bool)\s*\((.*)\)\s*$`)

var configExprStep = regexp.MustCompile(`\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*("[^"\\]*"|'[^'\\]*')\s*\]`)

// configExpr reads config_expr("cfg.a['b']") into its root and path, and
// config_expr("str(cfg.a)") also into the conversion.
func (f *file) configExpr(c *ast.Call) (root string, path []string, conv string, ok bool) {
	if f.tail(c.Func) != "config_expr" || len(c.Args) != 1 || len(c.Keywords) != 0 {
		return "", nil, "", false
	}
	s, isStr := c.Args[0].(*ast.Str)
	if !isStr {
		return "", nil, "", false
	}
	expr := string(s.S)
	if m := configExprConv.FindStringSubmatch(expr); m != nil {
		conv, expr = m[1], m[2]
	}
	m := configExprPath.FindStringSubmatch(expr)
	if m == nil {
		return "", nil, "", false
	}
	for _, step := range configExprStep.FindAllStringSubmatch(m[2], -1) {
		if step[1] != "" {
			path = append(path, step[1])
			continue
		}
		key := step[2]
		if key[0] == '\'' {
			key = `"` + key[1:len(key)-1] + `"`
		}
		if k, err := strconv.Unquote(key); err == nil {
			path = append(path, k)
		}
	}
	return m[1], path, conv, true
}

// resolveRefs keeps the config refs of fl's decorator arguments and parameter defaults whose
// root is one of its configs, naming the config; a config_expr naming no config is a problem.
func resolveRefs(fl *ir.Flow) {
	byAttr, byName := map[string]*ir.Config{}, map[string]bool{}
	for _, c := range fl.Configs {
		byAttr[c.Attr], byName[c.Name] = c, true
	}
	visit := func(v *ir.Value) {
		walkRefs(v, func(v *ir.Value) {
			r := v.Ref
			switch {
			case r.Config == "":
				if c := byAttr[r.Attr]; c != nil {
					r.Config = c.Name
				} else {
					v.Ref = nil
				}
			case !byName[r.Config]:
				fl.Problems = append(fl.Problems, ir.Problem{Check: diag.Config, Pos: r.Pos,
					Message: "config_expr reads config " + quote(r.Config) + ", which the flow does not define"})
				*v = ir.Value{Kind: ir.ValNone, Str: "None"} // reported here, not again as a non-literal
			}
		})
	}
	for _, d := range allDecorators(fl) {
		for i := range d.Args {
			visit(&d.Args[i].Value)
		}
	}
	for _, p := range fl.Params {
		if p.Default != nil {
			visit(p.Default)
		}
	}
}

// walkRefs calls fn on every value inside v that holds a config ref.
func walkRefs(v *ir.Value, fn func(*ir.Value)) {
	if v.Ref != nil {
		fn(v)
	}
	for i := range v.List {
		walkRefs(&v.List[i], fn)
	}
	for i := range v.Elems {
		walkRefs(&v.Elems[i], fn)
	}
}

func allDecorators(fl *ir.Flow) []*ir.Decorator {
	ds := append([]*ir.Decorator(nil), fl.Decorators...)
	for _, s := range fl.Steps {
		ds = append(ds, s.Decorators...)
	}
	return ds
}
