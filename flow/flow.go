package flow

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/flowc-dev/flowc/internal/stepcmd/spec"
)

// FlowSpec is embedded in every flow type. It gives the steps Next, Index, Input and
// ForeachStack; it carries no state of its own between steps.
type FlowSpec struct {
	ctx *stepCtx // nil until the step runs (or until Next is first called in a unit test)
}

// Flow is a pointer to a flow type: a struct that embeds FlowSpec. Only such pointers satisfy it.
type Flow interface {
	flowSpec() *FlowSpec
}

func (s *FlowSpec) flowSpec() *FlowSpec { return s }

// stepCtx is what one running step knows beyond its fields.
type stepCtx struct {
	flowType reflect.Type // the flow's struct type, to decode foreach items
	frames   []Frame
	defined  map[string]bool // state fields that some step before this one set (see state)
	calls    int             // Next calls so far
	next     []string        // step names of the first Next call, in the order written
	foreach  string          // the foreach field of the first Next call
	err      error           // a bad argument of the first Next call
	input    any             // the decoded item of the innermost frame, once asked for
	decoded  bool
}

func (s *FlowSpec) context() *stepCtx {
	if s.ctx == nil {
		s.ctx = &stepCtx{}
	}
	return s.ctx
}

// Frame is one level of foreach that a step runs in: the foreach step, the field it fanned out
// over, this child's index among NumSplits, and the child's item as JSON.
type Frame struct {
	Step      string          `json:"step"`
	Var       string          `json:"var"`
	Index     int             `json:"index"`
	NumSplits int             `json:"num_splits"`
	Value     json.RawMessage `json:"value"`
}

// ForeachSpec is the fan-out argument of Next; make one with Foreach.
type ForeachSpec struct {
	Field string // the exported slice field to fan out over, as written in the Go source
}

// Foreach makes Next fan out over the exported slice (or array) field named field: the next
// step runs once per element, with Input and Index telling each run its element. The name must
// be a string constant so that flowc can read it: f.Next(f.Body, flow.Foreach("Items")).
func Foreach(field string) ForeachSpec { return ForeachSpec{Field: field} }

// Next names the step (or, for a split, the steps) that follow this one. Its arguments are
// method values of the flow (f.Save, f.Notify), optionally with one Foreach. A step calls Next
// exactly once, as its last statement before return, and never under if, for, switch or select:
// flowc reads the graph from the source without running it.
func (s *FlowSpec) Next(steps ...any) {
	c := s.context()
	c.calls++
	if c.calls > 1 {
		return
	}
	for i, a := range steps {
		if fe, ok := a.(ForeachSpec); ok {
			if c.foreach != "" {
				c.err = fmt.Errorf("Next has more than one flow.Foreach")
			}
			c.foreach = fe.Field
			continue
		}
		name, err := methodName(a)
		if err != nil && c.err == nil {
			c.err = fmt.Errorf("argument %d of Next: %v", i+1, err)
		}
		c.next = append(c.next, StepName(name))
	}
}

// methodName returns the method that a method value such as f.Save calls. The gc toolchain
// compiles a method value to a wrapper function named "pkg.(*T).Save-fm".
func methodName(v any) (string, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Func || rv.IsNil() {
		return "", fmt.Errorf("%T is not a step; pass a method value such as f.Save", v)
	}
	fn := runtime.FuncForPC(rv.Pointer())
	if fn == nil || !strings.HasSuffix(fn.Name(), "-fm") {
		return "", fmt.Errorf("a %T that is not a method value; pass a method of the flow such as f.Save", v)
	}
	name := strings.TrimSuffix(fn.Name(), "-fm")
	return name[strings.LastIndexByte(name, '.')+1:], nil
}

// Index is this run's index in the innermost foreach it runs in (0, 1, ...), or -1 outside
// every foreach.
func (s *FlowSpec) Index() int {
	if s.ctx == nil || len(s.ctx.frames) == 0 {
		return -1
	}
	return s.ctx.frames[len(s.ctx.frames)-1].Index
}

// Input is this run's element of the innermost foreach it runs in, with the element type of the
// field that the foreach went over; nil outside every foreach. See also the typed Input function.
func (s *FlowSpec) Input() any {
	c := s.ctx
	if c == nil || len(c.frames) == 0 {
		return nil
	}
	if !c.decoded {
		c.input, c.decoded = decodeItem(c.flowType, c.frames[len(c.frames)-1]), true
	}
	return c.input
}

// ForeachStack lists the foreach levels this run is in, outermost first.
func (s *FlowSpec) ForeachStack() []Frame {
	if s.ctx == nil {
		return nil
	}
	return append([]Frame(nil), s.ctx.frames...)
}

// decodeItem decodes a frame's item into the element type of its field, or into any when the
// type is unknown.
func decodeItem(t reflect.Type, fr Frame) any {
	if t != nil {
		if sf, ok := t.FieldByName(fr.Var); ok && (sf.Type.Kind() == reflect.Slice || sf.Type.Kind() == reflect.Array) {
			p := reflect.New(sf.Type.Elem())
			if json.Unmarshal(fr.Value, p.Interface()) == nil {
				return p.Elem().Interface()
			}
		}
	}
	var v any
	_ = json.Unmarshal(fr.Value, &v)
	return v
}

// Input is f's element of the innermost foreach, as a T. It panics, failing the step, when the
// element is not a T; outside every foreach it gives T's zero value.
func Input[T any](f Flow) T {
	v := f.flowSpec().Input()
	if v == nil {
		var zero T
		return zero
	}
	t, ok := v.(T)
	if !ok {
		var zero T
		panic(fmt.Sprintf("flow.Input: the foreach element is a %T, not a %T", v, zero))
	}
	return t
}

// TaskInfo describes the running task: the run and task ids that flowc run and the Argo pod
// set, the retry number, and the step being run.
type TaskInfo struct {
	RunID      string // FLOWC_RUN_ID
	TaskID     string // FLOWC_TASK_ID
	RetryCount int    // FLOWC_RETRY_COUNT, 0 on the first attempt
	Step       string // the step's name, as on the command line
}

var currentStep atomic.Value // string: the step RunStep is running

// Current describes the running task. Outside a step run, Step is "".
func Current() TaskInfo {
	retry, _ := strconv.Atoi(os.Getenv(spec.EnvRetryCount))
	step, _ := currentStep.Load().(string)
	return TaskInfo{RunID: os.Getenv(spec.EnvRunID), TaskID: os.Getenv(spec.EnvTaskID), RetryCount: retry, Step: step}
}
