package flow

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// Inputs are the inputs of a join step, declared as its one parameter:
//
//	func (f *MyFlow) Join(in flow.Inputs[*MyFlow]) error
//
// Each input is the flow as one parent step left it: the branches of a split in the order the
// split named them, or the children of a foreach by index (each with its own Index and Input).
// The join itself starts with only its parameters set; it copies what it needs from the inputs,
// or calls MergeArtifacts. Treat the inputs as read-only.
type Inputs[T Flow] struct {
	items   []T
	steps   []string
	foreach bool
}

// inputsSetter lets the runtime fill an Inputs[T] whose T it only knows through reflection.
type inputsSetter interface {
	setInputs(items []Flow, steps []string, foreach bool) error
}

func (in *Inputs[T]) setInputs(items []Flow, steps []string, foreach bool) error {
	in.items, in.steps, in.foreach = make([]T, len(items)), steps, foreach
	for i, x := range items {
		t, ok := x.(T)
		if !ok {
			var zero T
			return fmt.Errorf("the join's inputs are %T, not %T", zero, x)
		}
		in.items[i] = t
	}
	return nil
}

// Len is the number of inputs.
func (in Inputs[T]) Len() int { return len(in.items) }

// At is input i, in the stable order described on Inputs.
func (in Inputs[T]) At(i int) T { return in.items[i] }

// All lists the inputs in the stable order described on Inputs: range over it.
func (in Inputs[T]) All() []T { return append([]T(nil), in.items...) }

// Steps names the parent step of each input, parallel to All.
func (in Inputs[T]) Steps() []string { return append([]string(nil), in.steps...) }

// Lookup returns the input from branch step name (a snake_case step name, such as "save_to_db").
// The inputs of a foreach join all come from one step: index them with At instead.
func (in Inputs[T]) Lookup(step string) (T, bool) {
	if !in.foreach {
		for i, s := range in.steps {
			if s == step {
				return in.items[i], true
			}
		}
	}
	var zero T
	return zero, false
}

// Get is Lookup for a step that must be there: it panics, failing the step, when it is not.
func (in Inputs[T]) Get(step string) T {
	t, ok := in.Lookup(step)
	if !ok {
		if in.foreach {
			panic(fmt.Sprintf("flow.Inputs.Get(%q): the inputs of a foreach join are its children; use At or All", step))
		}
		panic(fmt.Sprintf("flow.Inputs.Get(%q): the join has no input from that step (its inputs come from %s)", step, strings.Join(in.steps, ", ")))
	}
	return t
}

// MergeArtifacts copies into the join f every state field on which the inputs agree, as
// Metaflow's merge_artifacts does. An input takes part for a field when some step on its way set
// the field; a field no input has is skipped, and so are fields named in exclude (Go field names)
// and fields that the join has already set to a non-zero value. A field whose values differ
// between inputs is a conflict: MergeArtifacts then copies nothing and returns an error naming
// every conflicting field, so that the join sets or excludes them.
func MergeArtifacts[T Flow](f T, in Inputs[T], exclude ...string) error {
	v := reflect.ValueOf(f).Elem()
	m, err := metaOf(v.Type())
	if err != nil {
		return err
	}
	skip := map[string]bool{}
	for _, name := range exclude {
		if sf, ok := v.Type().FieldByName(name); !ok || !sf.IsExported() {
			return fmt.Errorf("MergeArtifacts: the flow has no field %q to exclude", name)
		}
		skip[name] = true
	}
	type copyFrom struct{ field, input int }
	var copies []copyFrom
	var conflicts []string
	for _, i := range m.fields {
		name := m.typ.Field(i).Name
		if skip[name] || !v.Field(i).IsZero() {
			continue
		}
		from, agree, err := agreement(in.items, i, name)
		if err != nil {
			return fmt.Errorf("MergeArtifacts: field %s: %v", name, err)
		}
		switch {
		case !agree:
			conflicts = append(conflicts, name)
		case from >= 0:
			copies = append(copies, copyFrom{i, from})
		}
	}
	if len(conflicts) > 0 {
		return fmt.Errorf("MergeArtifacts: the inputs disagree on %s; set %s in the join or exclude %s",
			strings.Join(conflicts, ", "), pronoun(len(conflicts)), pronoun(len(conflicts)))
	}
	c := f.flowSpec().context()
	if c.defined == nil {
		c.defined = map[string]bool{}
	}
	for _, cp := range copies {
		v.Field(cp.field).Set(reflect.ValueOf(in.items[cp.input]).Elem().Field(cp.field))
		c.defined[m.typ.Field(cp.field).Name] = true
	}
	return nil
}

// agreement compares field i, named name, across the inputs that have it, as JSON, the form in
// which it travels. It returns the first such input (-1 when none has it) and whether they agree.
func agreement[T Flow](items []T, i int, name string) (int, bool, error) {
	first := -1
	var want []byte
	for k, x := range items {
		if c := x.flowSpec().ctx; c != nil && !c.defined[name] {
			continue
		}
		data, err := json.Marshal(reflect.ValueOf(x).Elem().Field(i).Interface())
		if err != nil {
			return -1, false, err
		}
		if first < 0 {
			first, want = k, data
		} else if !bytes.Equal(want, data) {
			return first, false, nil
		}
	}
	return first, true, nil
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}
