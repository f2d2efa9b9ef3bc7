package argo

import (
	"reflect"
)

// flowTypes are written in YAML's flow style, each on one line: `{name: a, template: a}`. They
// repeat once per step (a DAG task, an artifact, a pod's labels), and one line each keeps a
// large flow's manifest about half its block-style size while a golden still reads one artifact
// or task per line; their strings are asked for in flow context, where the library quotes `,[]{}` as well.
var flowTypes = map[reflect.Type]bool{
	reflect.TypeOf(Task{}):         true,
	reflect.TypeOf(Artifact{}):     true,
	reflect.TypeOf(TemplateMeta{}): true,
}

// flowLine writes v in flow style and ends the line.
func (w *yamlWriter) flowLine(v reflect.Value) error {
	if err := w.flow(v); err != nil {
		return err
	}
	w.buf.WriteByte('\n')
	return nil
}

// flow writes v in flow style: mappings as {k: v, ...}, sequences as [a, ...], scalars quoted
// by the rules of flow context.
func (w *yamlWriter) flow(v reflect.Value) error {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			w.buf.WriteString("null")
			return nil
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct, reflect.Map:
		return w.flowMapping(v)
	case reflect.Slice:
		return w.flowSequence(v)
	}
	s, err := w.scalars.value(v, true)
	if err != nil {
		return err
	}
	w.buf.WriteString(s)
	return nil
}

func (w *yamlWriter) flowMapping(v reflect.Value) error {
	fs, err := w.fields(v)
	if err != nil {
		return err
	}
	w.buf.WriteByte('{')
	for i, f := range fs {
		if i > 0 {
			w.buf.WriteString(", ")
		}
		k, err := w.scalars.key(f.key, true)
		if err != nil {
			return err
		}
		w.buf.WriteString(k)
		w.buf.WriteString(": ")
		if err := w.flow(f.value); err != nil {
			return err
		}
	}
	w.buf.WriteByte('}')
	return nil
}

func (w *yamlWriter) flowSequence(v reflect.Value) error {
	w.buf.WriteByte('[')
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			w.buf.WriteString(", ")
		}
		if err := w.flow(v.Index(i)); err != nil {
			return err
		}
	}
	w.buf.WriteByte(']')
	return nil
}
