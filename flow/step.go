package flow

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/flowc-dev/flowc/internal/stepcmd/spec"
)

// runner runs one step: it restores the flow's state from the parents, calls the step, checks
// the transition it took against the compiled one, and writes the state.
type runner struct {
	c      *spec.Command
	flow   reflect.Value // the *T
	v      reflect.Value // the T
	meta   *meta
	method reflect.Value // bound to flow
	join   bool
	inputs reflect.Value // the Inputs[*T] of a join
	spec   *FlowSpec
}

func newRunner(f Flow, c *spec.Command) (*runner, error) {
	pv := reflect.ValueOf(f)
	if pv.Kind() != reflect.Pointer || pv.IsNil() || pv.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("flow.RunStep needs a pointer to a flow struct, not %T", f)
	}
	m, err := metaOf(pv.Elem().Type())
	if err != nil {
		return nil, err
	}
	meth, err := findStep(pv.Type(), c.Step)
	if err != nil {
		return nil, err
	}
	r := &runner{c: c, flow: pv, v: pv.Elem(), meta: m, method: pv.Method(meth.Index),
		join: meth.Type.NumIn() == 2, spec: f.flowSpec()}
	r.spec.ctx = &stepCtx{flowType: r.v.Type()}
	if r.join {
		r.inputs = reflect.New(meth.Type.In(1))
	}
	return r, nil
}

// prepare sets the parameters and restores the state the step starts from.
func (r *runner) prepare() error {
	if err := r.meta.setParams(r.v, r.c.Params); err != nil {
		return err
	}
	switch {
	case r.join:
		return r.prepareJoin()
	case r.c.InForeach != nil || len(r.c.In) > 1:
		return fmt.Errorf("the step is not a join (it takes no flow.Inputs) but has %d inputs; recompile the flow", len(r.c.In)+btoi(r.c.InForeach != nil))
	case len(r.c.In) == 0:
		if r.c.Index >= 0 {
			return fmt.Errorf("--index needs the --in of the foreach step")
		}
		return nil
	}
	parent := r.c.In[0]
	st, err := readState(parent.Dir, parent.Parent)
	if err != nil {
		return err
	}
	defined, err := r.meta.decodeFields(r.v, st)
	if err != nil {
		return err
	}
	r.spec.ctx.defined = defined
	r.spec.ctx.frames = append([]Frame(nil), st.Stack...)
	if r.c.Index >= 0 {
		fr, err := r.childFrame(parent.Parent, st)
		if err != nil {
			return err
		}
		r.spec.ctx.frames = append(r.spec.ctx.frames, fr)
	}
	return nil
}

// childFrame is the foreach level that a foreach step's child --index starts.
func (r *runner) childFrame(parent string, st *state) (Frame, error) {
	if st.Foreach == nil {
		return Frame{}, fmt.Errorf("step %q did not fan out, so --index does not apply", parent)
	}
	raw, ok := st.Fields[st.Foreach.Var]
	if !ok { // a foreach over a parameter: every step has the parameters
		if sf, found := r.v.Type().FieldByName(st.Foreach.Var); found {
			raw, _ = json.Marshal(r.v.FieldByIndex(sf.Index).Interface())
		}
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return Frame{}, fmt.Errorf("the foreach field %s of step %q is not a list", st.Foreach.Var, parent)
	}
	if r.c.Index >= len(items) {
		return Frame{}, fmt.Errorf("--index %d is out of range: the foreach of step %q has %d items", r.c.Index, parent, len(items))
	}
	return Frame{Step: parent, Var: st.Foreach.Var, Index: r.c.Index, NumSplits: len(items), Value: items[r.c.Index]}, nil
}

// prepareJoin reads every input into a flow value of its own.
func (r *runner) prepareJoin() error {
	var states []*state
	var steps []string
	foreach := r.c.InForeach != nil
	switch {
	case foreach && len(r.c.In) > 0:
		return fmt.Errorf("a join reads either --in or --in-foreach, not both")
	case foreach:
		children, err := readChildren(r.c.InForeach.Dir, r.c.InForeach.Parent)
		if err != nil {
			return err
		}
		for i, st := range children {
			top := len(st.Stack) - 1
			if top < 0 || st.Stack[top].Index != i || st.Stack[top].NumSplits != len(children) {
				return fmt.Errorf("the state in child %d of step %q is not child %d of %d", i, r.c.InForeach.Parent, i, len(children))
			}
			steps = append(steps, r.c.InForeach.Parent)
		}
		states = children
		r.spec.ctx.frames = append([]Frame(nil), children[0].Stack[:len(children[0].Stack)-1]...)
	case len(r.c.In) == 0:
		return fmt.Errorf("the join has no --in or --in-foreach")
	default:
		for _, in := range r.c.In {
			st, err := readState(in.Dir, in.Parent)
			if err != nil {
				return err
			}
			states, steps = append(states, st), append(steps, in.Parent)
		}
		r.spec.ctx.frames = append([]Frame(nil), states[0].Stack...)
	}
	items := make([]Flow, len(states))
	for i, st := range states {
		in := reflect.New(r.v.Type())
		if err := r.meta.setParams(in.Elem(), r.c.Params); err != nil {
			return err
		}
		defined, err := r.meta.decodeFields(in.Elem(), st)
		if err != nil {
			return err
		}
		f := in.Interface().(Flow)
		f.flowSpec().ctx = &stepCtx{flowType: r.v.Type(), frames: st.Stack, defined: defined}
		items[i] = f
	}
	return r.inputs.Interface().(inputsSetter).setInputs(items, steps, foreach)
}

// finish checks the transition and writes the state.
func (r *runner) finish() error {
	c := r.spec.ctx
	st := &state{Format: stateFormat, Version: stateVer, Flow: r.v.Type().Name(), Step: r.c.Step, Stack: c.frames}
	if err := r.checkNext(c); err != nil {
		return err
	}
	if r.c.Foreach != "" {
		n, err := r.foreachLen(r.c.Foreach)
		if err != nil {
			return err
		}
		st.Foreach = &foreachInfo{Var: r.c.Foreach, NumSplits: n}
	}
	fields, err := r.meta.encodeFields(r.v, c.defined)
	if err != nil {
		return err
	}
	st.Fields = fields
	if st.Stack == nil {
		st.Stack = []Frame{}
	}
	if err := st.write(r.c.Out); err != nil || r.c.HasNext {
		return err
	}
	// The end step: end.json tells a reader of the artifact repository that the run succeeded.
	end, _ := json.Marshal(map[string]string{"flow": st.Flow, "step": st.Step})
	return atomicWrite(filepath.Join(r.c.Out, EndFile), end)
}

// checkNext compares the step's Next call with the compiled transition (--next, --foreach).
func (r *runner) checkNext(c *stepCtx) error {
	switch {
	case c.err != nil:
		return c.err
	case !r.c.HasNext && c.calls > 0:
		return fmt.Errorf("the step called Next, but the compiled flow ends here; recompile the flow")
	case !r.c.HasNext:
		return nil
	case c.calls == 0:
		return fmt.Errorf("the step returned without calling Next; it must end with f.Next(...)")
	case c.calls > 1:
		return fmt.Errorf("the step called Next %d times; call it once, at the end", c.calls)
	case !slices.Equal(c.next, r.c.Next) || c.foreach != r.c.Foreach:
		return fmt.Errorf("the step went to %s, but the compiled flow goes to %s; recompile the flow",
			describeNext(c.next, c.foreach), describeNext(r.c.Next, r.c.Foreach))
	}
	return nil
}

func describeNext(next []string, foreach string) string {
	s := strings.Join(next, ", ")
	if foreach != "" {
		s += " (foreach " + foreach + ")"
	}
	return s
}

// foreachLen is the number of children a foreach over field fans out to.
func (r *runner) foreachLen(field string) (int, error) {
	sf, ok := r.v.Type().FieldByName(field)
	if !ok || !sf.IsExported() {
		return 0, fmt.Errorf("foreach field %s is not an exported field of %s", field, r.v.Type())
	}
	fv := r.v.FieldByIndex(sf.Index)
	if fv.Kind() != reflect.Slice && fv.Kind() != reflect.Array {
		return 0, fmt.Errorf("foreach field %s is a %s, not a slice", field, fv.Type())
	}
	if fv.Len() == 0 {
		return 0, fmt.Errorf("foreach field %s is empty: a foreach needs at least one item", field)
	}
	return fv.Len(), nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
