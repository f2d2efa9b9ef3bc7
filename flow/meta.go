package flow

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/flowc-dev/flowc/internal/stepcmd/spec"
)

// ParamTag is a parsed `flow:"..."` struct tag that makes a field a parameter:
//
//	`flow:"param"`                      the parameter is the field name in snake_case
//	`flow:"param=datasource_path"`      named datasource_path
//	`flow:"param=n,required"`           a value must be given
//	`flow:"param=n,default=3"`          used when no value is given
//
// default= comes last and takes the rest of the tag, commas included, so that a JSON default
// needs no escaping: `flow:"param=config,default={\"depth\": 2}"`. A `help:"..."` tag beside it
// is the parameter's description. `flow:"-"` keeps an exported field out of the state instead.
type ParamTag struct {
	Name       string
	Required   bool
	Default    string
	HasDefault bool
}

// ParseParamTag parses the value of a `flow:` tag of field. ok is false when the tag does not
// make the field a parameter ("" or "-").
func ParseParamTag(field, tag string) (p ParamTag, ok bool, err error) {
	if tag == "" || tag == "-" {
		return p, false, nil
	}
	rest := tag
	first := true
	for rest != "" {
		var opt string
		if strings.HasPrefix(rest, "default=") {
			opt, rest = rest, ""
		} else {
			opt, rest, _ = strings.Cut(rest, ",")
		}
		key, val, hasVal := strings.Cut(opt, "=")
		switch {
		case first && key == "param":
			p.Name = val
			if !hasVal {
				p.Name = StepName(field)
			}
		case first:
			return p, false, fmt.Errorf("flow tag %q of field %s must start with param", tag, field)
		case key == "required" && !hasVal:
			p.Required = true
		case key == "default":
			p.Default, p.HasDefault = val, true
		default:
			return p, true, fmt.Errorf("flow tag of field %s: unknown option %q (want required or default=...)", field, opt)
		}
		first = false
	}
	return p, true, nil
}

// meta is what the runtime knows of a flow type: its state fields and parameters.
type meta struct {
	typ    reflect.Type // the struct type
	fields []int        // indexes of the state fields: exported, not FlowSpec, not parameters
	params []param
}

type param struct {
	ParamTag
	index int
	field string
}

var metas sync.Map // reflect.Type -> *meta

// metaOf reads the flow type's fields once.
func metaOf(t reflect.Type) (*meta, error) {
	if m, ok := metas.Load(t); ok {
		return m.(*meta), nil
	}
	m := &meta{typ: t}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() || sf.Type == reflect.TypeOf(FlowSpec{}) {
			continue
		}
		tag := sf.Tag.Get("flow")
		p, isParam, err := ParseParamTag(sf.Name, tag)
		switch {
		case err != nil:
			return nil, err
		case isParam:
			m.params = append(m.params, param{ParamTag: p, index: i, field: sf.Name})
		case tag != "-":
			m.fields = append(m.fields, i)
		}
	}
	metas.Store(t, m)
	return m, nil
}

// setParams gives every parameter field its value: given (from --param), else its default.
func (m *meta) setParams(v reflect.Value, given map[string]string) error {
	for _, p := range m.params {
		raw, ok := given[p.Name]
		if !ok {
			if p.Required {
				return fmt.Errorf("parameter %q is required: pass --param %s=VALUE", p.Name, p.Name)
			}
			if !p.HasDefault {
				continue
			}
			raw = p.Default
		}
		if err := setValue(v.Field(p.index), raw); err != nil {
			return fmt.Errorf("parameter %q: %v", p.Name, err)
		}
	}
	for name := range given {
		if !m.hasParam(name) {
			return fmt.Errorf("unknown parameter %q", name)
		}
	}
	return nil
}

func (m *meta) hasParam(name string) bool {
	for _, p := range m.params {
		if p.Name == name {
			return true
		}
	}
	return false
}

// setValue converts a command-line value to the field's type. An empty value leaves a field
// that is not a string unset: Argo passes "" for a parameter that has no value.
func setValue(f reflect.Value, raw string) error {
	s := strings.TrimSpace(raw)
	if s == "" && f.Kind() != reflect.String {
		return nil
	}
	switch f.Kind() {
	case reflect.String:
		f.SetString(raw)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, f.Type().Bits())
		if err != nil {
			return fmt.Errorf("%q is not an int", raw)
		}
		f.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := strconv.ParseUint(s, 10, f.Type().Bits())
		if err != nil {
			return fmt.Errorf("%q is not a non-negative int", raw)
		}
		f.SetUint(n)
	case reflect.Float32, reflect.Float64:
		x, err := strconv.ParseFloat(s, f.Type().Bits())
		if err != nil {
			return fmt.Errorf("%q is not a float", raw)
		}
		f.SetFloat(x)
	case reflect.Bool:
		b, ok := spec.ParseBool(s)
		if !ok {
			return fmt.Errorf("%q is not a bool", raw)
		}
		f.SetBool(b)
	default:
		if err := json.Unmarshal([]byte(raw), f.Addr().Interface()); err != nil {
			return fmt.Errorf("%q is not JSON of a %s: %v", raw, f.Type(), err)
		}
	}
	return nil
}
