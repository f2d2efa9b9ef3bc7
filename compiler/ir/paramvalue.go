package ir

import (
	"encoding/json"
	"errors"
	"strings"
)

// DefaultValue is the parameter's default as the plain string a user would type: no JSON quoting
// of strings, JSON for JSONType. ok is false when there is no default known at compile time. It
// is the value the Argo template declares and `flowc submit` and the checks measure.
func (p *Param) DefaultValue() (string, bool) {
	if p.Default == nil {
		return "", false
	}
	v := p.Default
	switch v.Kind {
	case ValString, ValInt, ValFloat:
		return v.Str, true
	case ValBool:
		if v.Bool {
			return "true", true
		}
		return "false", true
	case ValList, ValDict:
		b, _ := json.Marshal(jsonOf(*v))
		return string(b), true
	}
	return "", false
}

// jsonOf converts a literal to the Go value encoding/json writes; dict keys keep source order.
func jsonOf(v Value) any {
	switch v.Kind {
	case ValString:
		return v.Str
	case ValInt:
		return v.Int
	case ValFloat:
		return v.Float
	case ValBool:
		return v.Bool
	case ValList:
		out := make([]any, len(v.List))
		for i, x := range v.List {
			out[i] = jsonOf(x)
		}
		return out
	case ValDict:
		return orderedDict(v)
	}
	return nil
}

// orderedDict marshals a dict literal with its keys in source order, as Python's json.dumps does.
type orderedDict Value

func (d orderedDict) MarshalJSON() ([]byte, error) {
	if len(d.Keys) != len(d.Elems) {
		// Not a literal any frontend makes; the checks may still meet one.
		return nil, errors.New("a dict with more keys than values or fewer")
	}
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
