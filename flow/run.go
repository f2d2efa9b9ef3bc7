package flow

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/flowc-dev/flowc/internal/stepcmd/spec"
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
	timeout, err := timeoutFromEnv()
	if err != nil {
		return fmt.Errorf("step %s: %v", c.Step, err)
	}
	if abandoned, err := r.callWithin(timeout); err != nil {
		c, cerr := catchFromEnv()
		if cerr != nil {
			return errors.Join(err, cerr)
		}
		if c == nil {
			return err
		}
		if abandoned {
			// The step's goroutine still runs and owns its flow value: //flowc:catch goes
			// on from a fresh one, holding the step's inputs (PROTOCOL.md, "Retry and catch").
			nr, ferr := r.fresh(f)
			if ferr != nil {
				return errors.Join(err, fmt.Errorf("step %s: %v", r.c.Step, ferr))
			}
			r = nr
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

// TimeoutError is a step that ran past its //flowc:timeout (FLOWC_TIMEOUT): it fails the
// attempt like any other error, so //flowc:retry runs it again and //flowc:catch can take over.
type TimeoutError struct {
	Step    string
	Seconds int
}

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("timed out after %d seconds (//flowc:timeout)", e.Seconds)
}

// timeoutFromEnv is the step's timeout in seconds from FLOWC_TIMEOUT; 0 without one.
func timeoutFromEnv() (int, error) {
	raw := os.Getenv(spec.EnvTimeout)
	if raw == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s=%q is not a number of seconds", spec.EnvTimeout, raw)
	}
	return n, nil
}

// callWithin calls the step; with a timeout, in a goroutine that it stops waiting for when the
// time is up (Go cannot interrupt it), and then abandoned is true and the error a TimeoutError.
func (r *runner) callWithin(secs int) (abandoned bool, err error) {
	if secs <= 0 {
		return false, r.call()
	}
	done := make(chan error, 1)
	go func() { done <- r.call() }()
	t := time.NewTimer(time.Duration(secs) * time.Second)
	defer t.Stop()
	select {
	case err := <-done:
		return false, err
	case <-t.C:
		return true, &StepError{Step: r.c.Step, Err: &TimeoutError{Step: r.c.Step, Seconds: secs}}
	}
}

// fresh is a runner of the same step on a new flow value of f's type, its inputs loaded.
func (r *runner) fresh(f Flow) (*runner, error) {
	nf, ok := reflect.New(reflect.TypeOf(f).Elem()).Interface().(Flow)
	if !ok {
		return r, fmt.Errorf("%T: cannot make a new flow value", f)
	}
	nr, err := newRunner(nf, r.c)
	if err != nil {
		return r, err
	}
	return nr, nr.prepare()
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
