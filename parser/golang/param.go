package golang

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/flow"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// params lowers the fields tagged `flow:"param..."` of a flow type, in source order.
func (l *loader) params(ft *flowType) {
	for _, fld := range ft.st.Fields.List {
		if fld.Tag == nil {
			continue
		}
		tagText, err := strconv.Unquote(fld.Tag.Value)
		if err != nil {
			continue
		}
		tag := reflect.StructTag(tagText)
		for _, name := range fld.Names {
			pt, isParam, err := flow.ParseParamTag(name.Name, tag.Get("flow"))
			if err != nil && !isParam {
				l.diags = append(l.diags, diag.Errorf(l.pos(fld.Tag.Pos()), diag.Parameter, "%v", err))
				continue
			}
			if !isParam {
				continue
			}
			p := l.param(ft, fld, name, pt, tag)
			if err != nil {
				p.Problems = append(p.Problems, ir.Problem{Check: diag.Parameter, Pos: p.NamePos, Message: err.Error()})
			}
			ft.ir.Params = append(ft.ir.Params, p)
		}
	}
}

// param lowers one parameter field.
func (l *loader) param(ft *flowType, fld *ast.Field, name *ast.Ident, pt flow.ParamTag, tag reflect.StructTag) *ir.Param {
	p := &ir.Param{Name: pt.Name, Attr: name.Name, Help: tag.Get("help"), Required: pt.Required,
		Pos: l.pos(name.Pos()), NamePos: l.tagPos(fld.Tag, "param")}
	if !name.IsExported() {
		p.Problems = append(p.Problems, ir.Problem{Check: diag.Parameter, Pos: p.Pos,
			Message: "parameter field " + name.Name + " must be exported, or the step cannot set it"})
	}
	p.Type = l.paramType(fld.Type)
	if pt.HasDefault {
		v := defaultValue(p.Type, pt.Default)
		p.Default, p.DefaultPos = &v, l.tagPos(fld.Tag, "default=")
	}
	return p
}

// tagPos is where key is written in a struct tag literal, or the literal's start.
func (l *loader) tagPos(lit *ast.BasicLit, key string) diag.Pos {
	base := max(strings.Index(lit.Value, `flow:"`), 0)
	i := strings.Index(lit.Value[base:], key)
	if i < 0 {
		return l.pos(lit.Pos())
	}
	return l.pos(lit.Pos() + token.Pos(base+i))
}

// paramType is the parameter type of a field: by the kind of its underlying type, as the SDK
// converts command-line values; any other type is JSON.
func (l *loader) paramType(e ast.Expr) ir.ParamType {
	t := l.pkg.TypesInfo.TypeOf(e)
	if t == nil {
		return ir.TypeJSON
	}
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return ir.TypeJSON
	}
	switch info := b.Info(); {
	case info&types.IsString != 0:
		return ir.TypeStr
	case info&types.IsInteger != 0:
		return ir.TypeInt
	case info&types.IsFloat != 0:
		return ir.TypeFloat
	case info&types.IsBoolean != 0:
		return ir.TypeBool
	}
	return ir.TypeJSON
}

// defaultValue types a default as the parameter's type; one that does not fit stays a string,
// for the parameter check to report against the type.
func defaultValue(t ir.ParamType, s string) ir.Value {
	str := ir.Value{Kind: ir.ValString, Str: s}
	trimmed := strings.TrimSpace(s)
	switch t {
	case ir.TypeInt:
		if n, err := strconv.ParseInt(trimmed, 10, 64); err == nil {
			return ir.Value{Kind: ir.ValInt, Int: n, Str: strconv.FormatInt(n, 10)}
		}
	case ir.TypeFloat:
		if x, err := strconv.ParseFloat(trimmed, 64); err == nil {
			return ir.Value{Kind: ir.ValFloat, Float: x, Str: strconv.FormatFloat(x, 'g', -1, 64)}
		}
	case ir.TypeBool:
		if b, ok := stepcmd.ParseBool(trimmed); ok { // the words the flow binary accepts
			return ir.Value{Kind: ir.ValBool, Bool: b, Str: map[bool]string{true: "True", false: "False"}[b]}
		}
	}
	return str
}
