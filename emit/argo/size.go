package argo

import (
	"fmt"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// MaxObjectBytes is the largest object Kubernetes keeps: etcd refuses a request over 1.5 MiB
// (its default --max-request-bytes), and the API server stores a custom resource as JSON. A
// manifest over it cannot be applied.
const MaxObjectBytes = 3 << 19 // 1.5 MiB

// MaxWorkflowBytes is the largest Workflow Argo's controller keeps running by default (v4.0.5,
// workflow/packer: MAX_WORKFLOW_SIZE, 1 MiB of JSON). A run of a WorkflowTemplate holds a copy
// of the template's spec (status.storedWorkflowTemplateSpec), so a template near it leaves no
// room for the run's node status; the controller then needs node status offloading.
const MaxWorkflowBytes = 1 << 20

// StoredSize is the size of o as the API server stores it: compact JSON, which is what etcd's
// limit counts (the YAML flowc writes is only the way it travels). Strings are counted as
// encoding/json escapes them.
func StoredSize(o Object) (int, error) {
	w := yamlWriter{tagCache: map[reflect.Type][]fieldTag{}}
	return w.jsonSize(reflect.ValueOf(o))
}

// jsonSize counts the bytes of v's compact JSON with the YAML writer's fields: the same names,
// the same omitted empty fields.
func (w *yamlWriter) jsonSize(v reflect.Value) (int, error) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return len("null"), nil
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct, reflect.Map:
		fs, err := w.fields(v)
		if err != nil {
			return 0, err
		}
		n := 2 + max(len(fs)-1, 0) // {} and the commas
		for _, f := range fs {
			m, err := w.jsonSize(f.value)
			if err != nil {
				return 0, err
			}
			n += jsonStringSize(f.key) + 1 + m
		}
		return n, nil
	case reflect.Slice:
		n := 2 + max(v.Len()-1, 0)
		for i := 0; i < v.Len(); i++ {
			m, err := w.jsonSize(v.Index(i))
			if err != nil {
				return 0, err
			}
			n += m
		}
		return n, nil
	case reflect.String:
		return jsonStringSize(v.String()), nil
	case reflect.Bool:
		return len(strconv.FormatBool(v.Bool())), nil
	case reflect.Int, reflect.Int64, reflect.Int32:
		return len(strconv.FormatInt(v.Int(), 10)), nil
	}
	return 0, fmt.Errorf("json: cannot size a %s", v.Kind())
}

// jsonStringSize is the length of s as encoding/json writes it: quoted, with ", \ and control
// characters escaped, and <, >, &, U+2028 and U+2029 as \u escapes. Marshal refuses invalid
// UTF-8 before any size is asked.
func jsonStringSize(s string) int {
	n := 2
	for _, r := range s {
		switch {
		case r == '"' || r == '\\' || r == '\n' || r == '\r' || r == '\t' || r == '\b' || r == '\f':
			n += 2
		case r < 0x20 || r == '<' || r == '>' || r == '&' || r == '\u2028' || r == '\u2029':
			n += 6
		default:
			n += utf8.RuneLen(r)
		}
	}
	return n
}
