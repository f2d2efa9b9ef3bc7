package argo

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Marshal writes objects as one multi-document YAML stream in flowc's canonical form: struct
// fields in declaration order, map keys sorted, two-space indents, nothing empty (omitempty),
// strings quoted only when YAML would read them as something else, and never a wrapped line, since
// a {{...}} split over two lines breaks Argo. The structure is flowc's own (a general encoder
// buffers every event of a document and grew quadratically on large flows); each string scalar's
// form is the YAML library's (scalar.go).
func Marshal(objs []Object) ([]byte, error) {
	w := yamlWriter{scalars: newScalarCache(), tagCache: map[reflect.Type][]fieldTag{}}
	for _, o := range objs {
		w.buf.WriteString("---\n")
		if err := w.value(reflect.ValueOf(o), 0, true); err != nil {
			return nil, err
		}
	}
	return w.buf.Bytes(), nil
}

type yamlWriter struct {
	buf      bytes.Buffer
	scalars  *scalarCache
	tagCache map[reflect.Type][]fieldTag
}

type yamlField struct {
	key   string
	value reflect.Value
	flow  bool
}

// fields lists the non-empty fields of a struct, or the entries of a map in key order.
func (w *yamlWriter) fields(v reflect.Value) ([]yamlField, error) {
	var out []yamlField
	switch v.Kind() {
	case reflect.Struct:
		for _, t := range w.tags(v.Type()) {
			fv := v.Field(t.index)
			if t.skip || (t.omitempty && fv.IsZero()) {
				continue
			}
			out = append(out, yamlField{key: t.key, value: fv, flow: t.flow})
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			out = append(out, yamlField{key: k.String(), value: v.MapIndex(k)})
		}
	default:
		return nil, fmt.Errorf("yaml: cannot write %s as a mapping", v.Kind())
	}
	return out, nil
}

// fieldTag is a struct field's parsed yaml tag.
type fieldTag struct {
	index                 int
	key                   string
	skip, omitempty, flow bool
}

// tags parses a struct type's yaml tags once per Marshal call rather than once per value.
func (w *yamlWriter) tags(t reflect.Type) []fieldTag {
	if tags, ok := w.tagCache[t]; ok {
		return tags
	}
	tags := make([]fieldTag, t.NumField())
	for i := range tags {
		parts := strings.Split(t.Field(i).Tag.Get("yaml"), ",")
		tags[i] = fieldTag{index: i, key: parts[0], skip: parts[0] == "-",
			omitempty: contains(parts[1:], "omitempty"), flow: contains(parts[1:], "flow")}
	}
	w.tagCache[t] = tags
	return tags
}

// value writes v at the given indent. inline means the caller already wrote "- " or "key: " on
// the current line and a mapping may start there.
func (w *yamlWriter) value(v reflect.Value, indent int, inline bool) error {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			w.buf.WriteString("null\n")
			return nil
		}
		v = v.Elem()
	}
	if flowTypes[v.Type()] {
		return w.flowLine(v)
	}
	switch v.Kind() {
	case reflect.Struct, reflect.Map:
		return w.mapping(v, indent, inline)
	case reflect.Slice:
		return w.sequence(v, indent)
	}
	s, err := w.scalars.value(v, false)
	if err != nil {
		return err
	}
	w.buf.WriteString(s)
	w.buf.WriteByte('\n')
	return nil
}

func (w *yamlWriter) mapping(v reflect.Value, indent int, inline bool) error {
	fs, err := w.fields(v)
	if err != nil {
		return err
	}
	if len(fs) == 0 {
		w.buf.WriteString("{}\n")
		return nil
	}
	if !inline {
		w.buf.WriteByte('\n')
	}
	for i, f := range fs {
		if i > 0 || !inline {
			w.pad(indent)
		}
		k, err := w.scalars.key(f.key, false)
		if err != nil {
			return err
		}
		w.buf.WriteString(k)
		w.buf.WriteByte(':')
		if err := w.member(f, indent); err != nil {
			return err
		}
	}
	return nil
}

// member writes a mapping value after its "key:".
func (w *yamlWriter) member(f yamlField, indent int) error {
	v := f.value
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			break
		}
		v = v.Elem()
	}
	switch {
	case f.flow && v.Kind() == reflect.Slice, flowTypes[v.Type()]:
		w.buf.WriteByte(' ')
		return w.flowLine(v)
	case v.Kind() == reflect.Struct || v.Kind() == reflect.Map:
		if fs, _ := w.fields(v); len(fs) == 0 {
			w.buf.WriteString(" {}\n")
			return nil
		}
		return w.mapping(v, indent+2, false)
	case v.Kind() == reflect.Slice && v.Len() > 0:
		w.buf.WriteByte('\n')
		return w.sequence(v, indent)
	}
	w.buf.WriteByte(' ')
	return w.value(v, indent, true)
}

func (w *yamlWriter) sequence(v reflect.Value, indent int) error {
	if v.Len() == 0 {
		w.buf.WriteString("[]\n")
		return nil
	}
	for i := 0; i < v.Len(); i++ {
		w.pad(indent)
		w.buf.WriteString("- ")
		if err := w.value(v.Index(i), indent+2, true); err != nil {
			return err
		}
	}
	return nil
}

func (w *yamlWriter) pad(n int) {
	for i := 0; i < n; i++ {
		w.buf.WriteByte(' ')
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
