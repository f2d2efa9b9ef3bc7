package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/emit/build"
	"github.com/flowc-dev/flowc/internal/diag"
)

// substituteRefs replaces every decorator argument and parameter default that reads a config
// (ir.ConfigRef) by the value it reads. A key the config lacks is a problem at the read.
func substituteRefs(f *ir.Flow) {
	values := map[string]any{}
	for _, c := range f.Configs {
		if c.JSON != nil {
			values[c.Name] = decodeJSON(c.JSON)
		}
	}
	visit := func(v *ir.Value) {
		walkValues(v, func(v *ir.Value) {
			root, ok := values[v.Ref.Config]
			if !ok {
				return // the config's own problem says why
			}
			x, err := lookup(root, v.Ref.Path)
			if err == nil && v.Ref.Conv != "" {
				x, err = convert(x, v.Ref.Conv)
			}
			if err != nil {
				f.Problems = append(f.Problems, ir.Problem{Check: diag.Config, Pos: v.Ref.Pos,
					Message: fmt.Sprintf("config %q: %v", v.Ref.Config, err)})
				*v = ir.Value{Kind: ir.ValNone, Str: "None"} // reported here, not again as a non-literal
				return
			}
			*v = ir.ValueOf(x)
		})
	}
	for _, d := range f.Decorators {
		for i := range d.Args {
			visit(&d.Args[i].Value)
		}
	}
	for _, s := range f.Steps {
		for _, d := range s.Decorators {
			for i := range d.Args {
				visit(&d.Args[i].Value)
			}
		}
	}
	for _, p := range f.Params {
		if p.Default == nil || p.Default.Ref == nil {
			continue
		}
		visit(p.Default)
		if p.Type == ir.TypeStr && p.Include == nil {
			// Metaflow infers a parameter's type from its default, known only now.
			p.Type = inferredType(p.Default.Kind)
		}
	}
}

func inferredType(k ir.ValueKind) ir.ParamType {
	switch k {
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

// walkValues calls fn on every value in v that holds a config ref, innermost last.
func walkValues(v *ir.Value, fn func(*ir.Value)) {
	for i := range v.List {
		walkValues(&v.List[i], fn)
	}
	for i := range v.Elems {
		walkValues(&v.Elems[i], fn)
	}
	if v.Ref != nil {
		fn(v)
	}
}

func decodeJSON(data []byte) any {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var x any
	_ = d.Decode(&x) // canonical JSON, written by flowc
	return x
}

// lookup reads path below x.
func lookup(x any, path []string) (any, error) {
	for i, k := range path {
		m, ok := x.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s is not a mapping, so it has no key %q", where(path[:i]), k)
		}
		if x, ok = m[k]; !ok {
			return nil, fmt.Errorf("%s has no key %q", where(path[:i]), k)
		}
	}
	return x, nil
}

// hidden reports whether a slash path relative to the flow has an element starting with a dot
// (other than "." and "..", which readInside resolves or refuses).
func hidden(rel string) bool {
	for _, el := range strings.Split(filepath.ToSlash(rel), "/") {
		if strings.HasPrefix(el, ".") && el != "." && el != ".." {
			return true
		}
	}
	return false
}

func where(path []string) string {
	if len(path) == 0 {
		return "the value"
	}
	return strings.Join(path, ".")
}

// addMetaflowFiles adds to a Python flow's build context what its Configs and IncludeFiles read
// when the flow was compiled: the config values (ConfigsFile) and the IncludeFiles' literal
// default files, at their paths relative to the flow, so that the context's hash covers them.
func addMetaflowFiles(fl *Flow, ctx *build.Context) diag.List {
	f := fl.IR
	if len(f.Configs) > 0 {
		m := map[string]json.RawMessage{}
		for _, c := range f.Configs {
			m[c.Name] = json.RawMessage(c.JSON)
		}
		data, err := json.Marshal(m) // keys sorted
		if err != nil {
			return diag.List{diag.Errorf(f.Pos, diag.Internal, "cannot write the config values: %v", err)}
		}
		ctx.Files[ConfigsFile] = append(data, '\n')
	}
	var diags diag.List
	dir := filepath.Dir(fl.Path)
	for _, p := range f.Params {
		if p.Include == nil || p.Include.Path == "" {
			continue
		}
		if hidden(p.Include.Path) {
			// Dot-files (.env, .aws/credentials) often hold secrets; no image gets one.
			diags = append(diags, diag.Errorf(p.Include.PathPos, diag.Parameter,
				"IncludeFile %q names %s, a dot-file, which flowc never puts into an image", p.Name, p.Include.Path).
				Suggest("rename the file"))
			continue
		}
		data, err := readInside(dir, p.Include.Path)
		if err != nil {
			diags = append(diags, diag.Errorf(p.Include.PathPos, diag.Parameter,
				"IncludeFile %q reads its default when the flow is compiled: %v", p.Name, err))
			continue
		}
		rel := filepath.ToSlash(filepath.Clean(filepath.FromSlash(p.Include.Path)))
		if old, taken := ctx.Files[rel]; taken && !bytes.Equal(old, data) {
			diags = append(diags, diag.Errorf(p.Include.PathPos, diag.Parameter,
				"IncludeFile %q reads %s, a path the build context uses for another file", p.Name, rel).Suggest("move the file"))
			continue
		}
		ctx.Files[rel] = data
	}
	return diags
}

// convert applies Python's conversion conv (str, int, float or bool) to a config's scalar value x,
// as config_expr("str(cfg.a)") evaluates it in Metaflow.
func convert(x any, conv string) (any, error) {
	if conv == "bool" {
		return truthy(x), nil
	}
	switch x.(type) {
	case []any, map[string]any:
		return nil, fmt.Errorf("%s() of a %s: flowc converts a single value only", conv, pyTypeName(x))
	}
	switch conv {
	case "str":
		return pyStr(x), nil
	case "int":
		switch x := x.(type) {
		case bool:
			return json.Number(map[bool]string{true: "1", false: "0"}[x]), nil
		case json.Number:
			if _, err := x.Int64(); err == nil {
				return x, nil
			}
			f, _ := x.Float64()
			if math.IsInf(f, 0) || math.IsNaN(f) || math.Abs(f) >= 1<<63 {
				return nil, fmt.Errorf("int() of %s: out of range", x)
			}
			return json.Number(strconv.FormatInt(int64(f), 10)), nil
		case string:
			i, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(x), "_", ""), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("int() of %q: not an integer", x)
			}
			return json.Number(strconv.FormatInt(i, 10)), nil
		}
	case "float":
		var f float64
		switch x := x.(type) {
		case bool:
			if x {
				f = 1
			}
		case json.Number:
			f, _ = x.Float64()
		case string:
			var err error
			if f, err = strconv.ParseFloat(strings.TrimSpace(x), 64); err != nil {
				return nil, fmt.Errorf("float() of %q: not a number", x)
			}
		default:
			return nil, fmt.Errorf("float() of None")
		}
		// Python's repr, so that an integral value stays a float (1.0) in ir.ValueOf.
		return json.Number(pyFloatRepr(f)), nil
	}
	return nil, fmt.Errorf("%s() of None", conv)
}

func truthy(x any) bool {
	switch x := x.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case json.Number:
		f, err := x.Float64()
		return err != nil || f != 0
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

// pyStr is Python's str() of a scalar JSON value.
func pyStr(x any) string {
	switch x := x.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case string:
		return x
	case json.Number:
		if _, err := x.Int64(); err == nil {
			return x.String()
		}
		f, _ := x.Float64()
		return pyFloatRepr(f)
	}
	return fmt.Sprint(x)
}

// pyFloatRepr writes f as Python's repr does: the shortest digits that read back as f, in
// positional notation for exponents from -4 to 15 (with ".0" when integral), else scientific.
func pyFloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, expStr, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expStr)
	if exp < -4 || exp >= 16 {
		sign := "+"
		if exp < 0 {
			sign, exp = "-", -exp
		}
		return fmt.Sprintf("%se%s%02d", mant, sign, exp)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}

func pyTypeName(x any) string {
	if _, ok := x.([]any); ok {
		return "list"
	}
	return "dict"
}
