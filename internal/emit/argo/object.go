package argo

import (
	"encoding/json"
	"strings"

	"github.com/flowc-dev/flowc/internal/compiler/ir"
)

// mainObject wraps the templates in the WorkflowTemplate or Workflow.
func (e *emitter) mainObject() Object {
	kind := e.o.Kind
	if kind == "" {
		kind = KindWorkflowTemplate
	}
	name := FlowName(e.f.Name)
	meta := Metadata{Name: name, Namespace: e.o.Namespace, Labels: e.labels(), Annotations: e.annotations()}
	if kind == KindWorkflow {
		meta.Name, meta.GenerateName = "", name+"-"
	}
	spec := &WorkflowSpec{
		Entrypoint:         entryTemplate,
		Arguments:          e.arguments(),
		ServiceAccountName: e.o.ServiceAccount,
		Templates:          e.templates,
	}
	return Object{APIVersion: apiVersion, Kind: kind, Metadata: meta, Spec: spec}
}

func (e *emitter) labels() map[string]string {
	l := map[string]string{
		"app.kubernetes.io/managed-by": "flowc",
		"flowc.dev/flow":               labelValue(FlowName(e.f.Name)),
	}
	for k, v := range e.o.Labels {
		l[k] = v
	}
	return l
}

func (e *emitter) annotations() map[string]string {
	a := map[string]string{"flowc.dev/flow-class": e.f.Name}
	if e.o.Source != "" {
		a["flowc.dev/source"] = e.o.Source
	}
	return a
}

// arguments declares the flow's parameters. A parameter with no default has no value, so that
// Argo asks the submitter for one.
func (e *emitter) arguments() *Arguments {
	if len(e.f.Params) == 0 {
		return nil
	}
	args := &Arguments{}
	for _, p := range e.f.Params {
		ap := Parameter{Name: p.Name, Description: EscapeTemplate(p.Help)}
		if v, ok := ParamValue(p); ok {
			v = EscapeTemplate(v)
			ap.Value = &v
		}
		args.Parameters = append(args.Parameters, ap)
	}
	return args
}

// ParamValue is a parameter's default as the plain string a user would type: no JSON quoting of
// strings, JSON for JSONType. ok is false when there is no default known at compile time.
func ParamValue(p *ir.Param) (string, bool) {
	if p.Default == nil {
		return "", false
	}
	v := p.Default
	switch v.Kind {
	case ir.ValString, ir.ValInt, ir.ValFloat:
		return v.Str, true
	case ir.ValBool:
		if v.Bool {
			return "true", true
		}
		return "false", true
	case ir.ValList, ir.ValDict:
		b, _ := json.Marshal(jsonOf(*v))
		return string(b), true
	}
	return "", false
}

// jsonOf converts a literal to the Go value encoding/json writes; dict keys keep source order.
func jsonOf(v ir.Value) any {
	switch v.Kind {
	case ir.ValString:
		return v.Str
	case ir.ValInt:
		return v.Int
	case ir.ValFloat:
		return v.Float
	case ir.ValBool:
		return v.Bool
	case ir.ValList:
		out := make([]any, len(v.List))
		for i, x := range v.List {
			out[i] = jsonOf(x)
		}
		return out
	case ir.ValDict:
		return orderedDict(v)
	}
	return nil
}

// orderedDict marshals a dict literal with its keys in source order, as Python's json.dumps does.
type orderedDict ir.Value

func (d orderedDict) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i := range d.Keys {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(d.Keys[i].Str)
		if err != nil {
			return nil, err
		}
		val, err := json.Marshal(jsonOf(d.Elems[i]))
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(val)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// EscapeTemplate makes Argo deliver s literally: Argo substitutes {{...}} everywhere and has no
// escape character, but the expression template {{='{{'}} yields two literal braces.
func EscapeTemplate(s string) string {
	return strings.ReplaceAll(s, "{{", "{{='{{'}}")
}
