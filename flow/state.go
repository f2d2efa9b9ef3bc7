package flow

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
)

// The files a step writes in its --out directory.
const (
	StateFile   = "state.json"   // the step's state, for the steps after it
	ForeachFile = "foreach.json" // after a foreach step: the child indexes [0,1,...,n-1]
	CaughtFile  = "caught.json"  // when //flowc:catch took over: {"type", "message"}
	EndFile     = "end.json"     // after the end step: {"flow", "step"}; the run succeeded
	stateFormat = "flowc-go-state"
	stateVer    = 1
)

// state is the content of state.json. Fields holds the exported state fields of the flow (not
// the parameters, which every step gets on its command line) by Go field name, as JSON: those
// that this step or one before it set, that is, that it received or that are not zero. A field
// no step has set stays out, so that a join can tell "not set on this branch" from a value; the
// foreach stack lists the foreach levels the step ran in, outermost first; Foreach is set when
// the step fanned out.
type state struct {
	Format  string                     `json:"format"`
	Version int                        `json:"version"`
	Flow    string                     `json:"flow"`
	Step    string                     `json:"step"`
	Fields  map[string]json.RawMessage `json:"fields"`
	Stack   []Frame                    `json:"foreach_stack"`
	Foreach *foreachInfo               `json:"foreach,omitempty"`
	// Blobs holds the fields stored outside the file, by reference (see blobs.go).
	Blobs map[string]blobRef `json:"blobs,omitempty"`
}

type foreachInfo struct {
	Var       string `json:"var"`
	NumSplits int    `json:"num_splits"`
}

// readState reads dir/state.json, written by step parent.
func readState(dir, parent string) (*state, error) {
	path := filepath.Join(dir, StateFile)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the state of step %q: %v", parent, err)
	}
	var st state
	if err := json.Unmarshal(data, &st); err != nil || st.Format != stateFormat {
		return nil, fmt.Errorf("%s is not a flowc Go state file", path)
	}
	if st.Version != stateVer {
		return nil, fmt.Errorf("%s has state version %d; this flow reads version %d", path, st.Version, stateVer)
	}
	if err := st.loadBlobs(); err != nil {
		return nil, fmt.Errorf("the state of step %q: %v", parent, err)
	}
	return &st, nil
}

// readChildren reads dir/0, dir/1, ...: the states of a foreach's children, by index.
func readChildren(dir, parent string) ([]*state, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read the foreach children of step %q: %v", parent, err)
	}
	var idx []int
	for _, e := range entries {
		if n, err := strconv.Atoi(e.Name()); err == nil && n >= 0 && e.IsDir() {
			idx = append(idx, n)
		}
	}
	sort.Ints(idx) // numeric order: 2 before 10
	if len(idx) == 0 {
		return nil, fmt.Errorf("no foreach children of step %q in %s", parent, dir)
	}
	out := make([]*state, len(idx))
	for i, n := range idx {
		if n != i {
			return nil, fmt.Errorf("foreach child %d of step %q is missing from %s", i, parent, dir)
		}
		st, err := readState(filepath.Join(dir, strconv.Itoa(n)), parent)
		if err != nil {
			return nil, err
		}
		out[i] = st
	}
	return out, nil
}

// encodeFields turns the state fields of v into JSON, by field name: the defined ones and those
// that are not zero.
func (m *meta) encodeFields(v reflect.Value, defined map[string]bool) (map[string]json.RawMessage, error) {
	out := make(map[string]json.RawMessage, len(m.fields))
	for _, i := range m.fields {
		if !defined[m.typ.Field(i).Name] && v.Field(i).IsZero() {
			continue
		}
		data, err := json.Marshal(v.Field(i).Interface())
		if err != nil {
			return nil, fmt.Errorf("field %s cannot be saved as JSON: %v", m.typ.Field(i).Name, err)
		}
		out[m.typ.Field(i).Name] = data
	}
	return out, nil
}

// decodeFields sets the state fields of v from a parent's state; fields it lacks stay zero. It
// returns the fields it set.
func (m *meta) decodeFields(v reflect.Value, st *state) (map[string]bool, error) {
	defined := map[string]bool{}
	for _, i := range m.fields {
		name := m.typ.Field(i).Name
		raw, ok := st.Fields[name]
		if !ok {
			continue
		}
		if err := json.Unmarshal(raw, v.Field(i).Addr().Interface()); err != nil {
			return nil, fmt.Errorf("field %s from step %q: %v", name, st.Step, err)
		}
		defined[name] = true
	}
	return defined, nil
}

// write saves st in dir, and foreach.json when the step fanned out, each through a temporary
// file and a rename so that a reader never sees half a file.
func (st *state) write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := st.storeBlobs(); err != nil {
		return err
	}
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	if err := atomicWrite(filepath.Join(dir, StateFile), data); err != nil {
		return err
	}
	if st.Foreach == nil {
		return nil
	}
	idx := make([]int, st.Foreach.NumSplits)
	for i := range idx {
		idx[i] = i
	}
	list, _ := json.Marshal(idx)
	return atomicWrite(filepath.Join(dir, ForeachFile), list)
}

func atomicWrite(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = f.Chmod(0o644) // CreateTemp's 0600 would hide the state from other users of the run
	if err == nil {
		_, err = f.Write(data)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
