package argo

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Marshal writes objects as one multi-document YAML stream in flowc's canonical form: struct
// fields in declaration order, map keys sorted, two-space indents, nothing empty (omitempty),
// strings quoted only when YAML would read them as something else, and never a wrapped line, since
// a {{...}} split over two lines breaks Argo. It is flowc's own writer because a general encoder
// buffers every event of a document and grew quadratically on large flows.
func Marshal(objs []Object) ([]byte, error) {
	var w yamlWriter
	for _, o := range objs {
		w.buf.WriteString("---\n")
		if err := w.value(reflect.ValueOf(o), 0, true); err != nil {
			return nil, err
		}
	}
	return w.buf.Bytes(), nil
}

type yamlWriter struct{ buf bytes.Buffer }

type yamlField struct {
	key   string
	value reflect.Value
	flow  bool
}

// fields lists the non-empty fields of a struct, or the entries of a map in key order.
func fields(v reflect.Value) ([]yamlField, error) {
	var out []yamlField
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			tag := strings.Split(v.Type().Field(i).Tag.Get("yaml"), ",")
			fv := v.Field(i)
			if tag[0] == "-" || (contains(tag[1:], "omitempty") && fv.IsZero()) {
				continue
			}
			out = append(out, yamlField{key: tag[0], value: fv, flow: contains(tag[1:], "flow")})
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
	switch v.Kind() {
	case reflect.Struct, reflect.Map:
		return w.mapping(v, indent, inline)
	case reflect.Slice:
		return w.sequence(v, indent)
	}
	w.buf.WriteString(scalar(v, false))
	w.buf.WriteByte('\n')
	return nil
}

func (w *yamlWriter) mapping(v reflect.Value, indent int, inline bool) error {
	fs, err := fields(v)
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
		w.buf.WriteString(scalarString(f.key, false))
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
	case f.flow && v.Kind() == reflect.Slice:
		w.buf.WriteByte(' ')
		w.flowSequence(v)
		return nil
	case v.Kind() == reflect.Struct || v.Kind() == reflect.Map:
		if fs, _ := fields(v); len(fs) == 0 {
			w.buf.WriteString(" {}\n")
			return nil
		}
		return w.mapping(v, indent+2, false)
	case v.Kind() == reflect.Slice && v.Len() > 0:
		w.buf.WriteByte('\n')
		return w.sequence(v, indent+2)
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

func (w *yamlWriter) flowSequence(v reflect.Value) {
	w.buf.WriteByte('[')
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			w.buf.WriteString(", ")
		}
		w.buf.WriteString(scalar(v.Index(i), true))
	}
	w.buf.WriteString("]\n")
}

func (w *yamlWriter) pad(n int) {
	for i := 0; i < n; i++ {
		w.buf.WriteByte(' ')
	}
}

func scalar(v reflect.Value, flow bool) string {
	switch v.Kind() {
	case reflect.String:
		return scalarString(v.String(), flow)
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int64, reflect.Int32:
		return strconv.FormatInt(v.Int(), 10)
	}
	return scalarString(fmt.Sprint(v.Interface()), flow)
}

// scalarString writes s plain when YAML reads it back as the same string, else double-quoted.
func scalarString(s string, flow bool) string {
	if plainSafe(s, flow) {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || r == utf8.RuneError:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// plainSafe is conservative: anything that could start another kind of node, hold a comment or
// a key separator, or read as a number, boolean or null is quoted.
func plainSafe(s string, flow bool) bool {
	if s == "" || s != strings.TrimSpace(s) || strings.ContainsAny(s[:1], ",[]{}#&*!|>'\"%@`") {
		return false
	}
	// "-", "?" and ":" start a plain scalar only when a non-space follows ("--flow", "-m").
	if strings.ContainsAny(s[:1], "-?:") && (len(s) == 1 || s[1] == ' ') {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return false
		}
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf", ".nan":
		return false
	}
	// Only these can start a number; checking first saves parsing every name.
	if !strings.ContainsAny(s[:1], "0123456789+-.") {
		return true
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return false
	}
	_, err := strconv.ParseInt(s, 0, 64)
	return err != nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
