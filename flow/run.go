package flow

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"runtime/debug"
)

// Main runs the one step that the command line names and exits: 0 when the step succeeded and
// left its state in --out, 1 when it failed (its error or panic on stderr), 2 when the command
// line is not one that flowc builds. A flow's main function is one line:
//
//	func main() { flow.Main(new(MyFlow)) }
//
// The flow binary is not meant to be run by hand: `flowc run` and the Argo pods run it once per
// step, with the command line described in the package documentation.
func Main(f Flow) {
	err := RunStep(f, os.Args[1:])
	if err == nil {
		os.Exit(0)
	}
	fmt.Fprintln(os.Stderr, "flow:", err)
	var se *StepError
	if errors.As(err, &se) && se.Stack != "" {
		fmt.Fprint(os.Stderr, se.Stack)
	}
	var ue *UsageError
	if errors.As(err, &ue) {
		os.Exit(2)
	}
	os.Exit(1)
}

// StepError is a step that returned an error or panicked.
type StepError struct {
	Step  string
	Err   error
	Stack string // the goroutine's stack when the step panicked
}

func (e *StepError) Error() string { return fmt.Sprintf("step %s: %v", e.Step, e.Err) }

func (e *StepError) Unwrap() error { return e.Err }

// RunStep runs one step of f in this process, as Main does with os.Args[1:]: args is the step
// command line, starting with "step" (for example "step", "start", "--out", dir). f must be a new, zero flow. Tests and examples drive
// a flow step by step with it, each step with its own fresh flow value, exactly as the Argo pods
// and flowc run do.
func RunStep(f Flow, args []string) error {
	c, err := parseCommand(args)
	if err != nil {
		return err
	}
	// The output directory exists from the start, so that a failed attempt still leaves one
	// for Argo's wait container to find (PROTOCOL.md, "State").
	if err := os.MkdirAll(c.Out, 0o755); err != nil {
		return fmt.Errorf("step %s: %v", c.Step, err)
	}
	r, err := newRunner(f, c)
	if err != nil {
		return err
	}
	currentStep.Store(c.Step)
	defer currentStep.Store("")
	if err := r.prepare(); err != nil {
		return fmt.Errorf("step %s: %v", c.Step, err)
	}
	if err := r.call(); err != nil {
		c, cerr := catchFromEnv()
		if cerr != nil {
			return errors.Join(err, cerr)
		}
		if c == nil {
			return err
		}
		if err := r.recoverStep(c, err); err != nil {
			return fmt.Errorf("step %s: %v", r.c.Step, err)
		}
	}
	if err := r.finish(); err != nil {
		return fmt.Errorf("step %s: %v", c.Step, err)
	}
	return nil
}

// call runs the step method, turning a panic into a StepError.
func (r *runner) call() (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &StepError{Step: r.c.Step, Err: fmt.Errorf("panic: %v", p), Stack: string(debug.Stack())}
		}
	}()
	var in []reflect.Value
	if r.join {
		in = append(in, r.inputs.Elem())
	}
	out := r.method.Call(in)
	if len(out) == 1 && !out[0].IsNil() {
		return &StepError{Step: r.c.Step, Err: out[0].Interface().(error)}
	}
	return nil
}

// findStep returns the method of pointer type pt whose step name is name.
func findStep(pt reflect.Type, name string) (reflect.Method, error) {
	errType := reflect.TypeOf((*error)(nil)).Elem()
	for i := 0; i < pt.NumMethod(); i++ {
		m := pt.Method(i)
		if StepName(m.Name) != name || isSpecMethod(m.Name) {
			continue
		}
		t := m.Type // the receiver is In(0)
		okOut := t.NumOut() == 0 || t.NumOut() == 1 && t.Out(0) == errType
		okIn := t.NumIn() == 1 || t.NumIn() == 2 && reflect.PointerTo(t.In(1)).Implements(setterType)
		if !okOut || !okIn {
			return m, fmt.Errorf("method %s is not a step: a step is func() error, a join func(flow.Inputs[%s]) error", m.Name, pt)
		}
		return m, nil
	}
	return reflect.Method{}, fmt.Errorf("%s has no step %q (steps are methods, named in snake_case on the command line)", pt, name)
}

var setterType = reflect.TypeOf((*inputsSetter)(nil)).Elem()

// isSpecMethod reports the methods that FlowSpec gives every flow, which are never steps.
func isSpecMethod(name string) bool {
	_, ok := reflect.TypeOf(&FlowSpec{}).MethodByName(name)
	return ok
}
