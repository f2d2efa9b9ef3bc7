package python

import (
	"strings"

	"github.com/go-python/gpython/ast"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// knownParsers are the Config parsers flowc applies itself, by the name a flow gives them
// (parser=json.loads or parser="json.loads"), mapped to the format they read.
var knownParsers = map[string]string{
	"json.loads": "json", "json.load": "json",
	"yaml.safe_load": "yaml", "yaml.load": "yaml", "yaml.full_load": "yaml", "yaml.unsafe_load": "yaml",
	"tomllib.loads": "toml", "tomli.loads": "toml", "toml.loads": "toml",
}

// ParserFormat returns the format a known Config parser reads: "json", "yaml" or "toml".
func ParserFormat(name string) (string, bool) {
	f, ok := knownParsers[name]
	return f, ok
}

// configPositional is the order of Config's positional arguments in Metaflow.
var configPositional = []string{"name", "default", "default_value", "help", "required", "parser"}

// config lowers `attr = Config("name", ...)` in a class body; other assignments give nil.
func (f *file) config(s *ast.Assign) *ir.Config {
	if len(s.Targets) != 1 {
		return nil
	}
	target, ok := s.Targets[0].(*ast.Name)
	call, isCall := s.Value.(*ast.Call)
	if !ok || !isCall || f.tail(call.Func) != "Config" {
		return nil
	}
	c := &ir.Config{Attr: string(target.Id), Pos: f.exprPos(call)}
	args := map[string]ast.Expr{}
	for i, a := range call.Args {
		if i < len(configPositional) {
			args[configPositional[i]] = a
		}
	}
	for _, k := range call.Keywords {
		args[string(k.Arg)] = k.Value
	}
	c.Name = c.Attr
	if e := args["name"]; e != nil {
		if v := f.value(e); v.Kind == ir.ValString {
			c.Name = v.Str
		} else {
			c.Problems = append(c.Problems, ir.Problem{Check: diag.Config, Pos: f.exprPos(e),
				Message: "the name of config " + quote(c.Attr) + " must be a string literal"})
		}
	}
	f.configDefault(c, args["default"], args["default_value"])
	f.configParser(c, args["parser"])
	if e := args["required"]; e != nil {
		c.Required = f.value(e).Bool
	}
	if e := args["plain"]; e != nil {
		c.Plain = f.value(e).Bool
	}
	return c
}

// configDefault reads default= (a file path) and default_value= (a literal value).
func (f *file) configDefault(c *ir.Config, file, value ast.Expr) {
	if file != nil && value != nil {
		c.Problems = append(c.Problems, ir.Problem{Check: diag.Config, Pos: f.exprPos(value),
			Message: "config " + quote(c.Name) + " takes default= (a file) or default_value=, not both"})
	}
	if file != nil {
		v := f.value(file)
		switch v.Kind {
		case ir.ValString:
			c.File, c.FilePos = v.Str, f.exprPos(file)
		case ir.ValNone:
		default:
			c.Problems = append(c.Problems, ir.Problem{Check: diag.UserCode, Pos: f.exprPos(file), Message: "the default of config " +
				quote(c.Name) + " is computed (" + exprString(file) + "), which is user code, and flowc compiles flows without running them",
				Suggestion: "give the file's path as a string"})
		}
	}
	if value != nil {
		v := f.value(value)
		switch {
		case v.Kind == ir.ValNone:
		case hasExpr(v):
			c.Problems = append(c.Problems, ir.Problem{Check: diag.UserCode, Pos: f.exprPos(value), Message: "the default_value of config " +
				quote(c.Name) + " is computed (" + exprString(value) + "), which is user code, and flowc compiles flows without running them",
				Suggestion: "give a literal value"})
		default:
			c.Default = &v
		}
	}
}

// configParser reads parser=: a known parser by name, never a function of the user's.
func (f *file) configParser(c *ir.Config, e ast.Expr) {
	if e == nil {
		return
	}
	name := ""
	switch v := f.value(e); {
	case v.Kind == ir.ValString:
		name = strings.TrimPrefix(v.Str, "metaflow.")
	case v.Kind == ir.ValNone:
		return
	default:
		name = exprString(e)
	}
	if _, ok := knownParsers[name]; ok {
		c.Parser = name
		return
	}
	c.Problems = append(c.Problems, ir.Problem{Check: diag.UserCode, Pos: f.exprPos(e), Message: "the parser of config " +
		quote(c.Name) + " is " + name + ", which is user code, and flowc compiles flows without running them",
		Suggestion: "use json.loads, yaml.safe_load or tomllib.loads, or write the config in one of their formats"})
}

// hasExpr reports whether a value holds anything that is not a literal.
func hasExpr(v ir.Value) bool {
	switch v.Kind {
	case ir.ValExpr:
		return true
	case ir.ValList:
		for _, x := range v.List {
			if hasExpr(x) {
				return true
			}
		}
	case ir.ValDict:
		for i := range v.Keys {
			if hasExpr(v.Keys[i]) || hasExpr(v.Elems[i]) {
				return true
			}
		}
	}
	return false
}

// configNames reports a config whose name another config or a parameter of the flow has:
// --config NAME=FILE and config_expr must name one value, as in Metaflow.
func configNames(fl *ir.Flow) {
	taken := map[string]string{}
	for _, p := range fl.Params {
		taken[strings.ToLower(p.Name)] = "parameter"
	}
	for _, c := range fl.Configs {
		key := strings.ToLower(c.Name)
		if what, dup := taken[key]; dup {
			c.Problems = append(c.Problems, ir.Problem{Check: diag.Config, Pos: c.Pos,
				Message: "config " + quote(c.Name) + " has the name of a " + what + " of the flow", Suggestion: "rename one"})
			continue
		}
		taken[key] = "config"
	}
}
