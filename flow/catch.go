package flow

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"github.com/flowc-dev/flowc/internal/stepcmd/spec"
)

// Caught is what a step under //flowc:catch var=Field leaves in Field when it fails: the flow
// goes on from the step's inputs, with the failure recorded. Declare the field as a Caught or a
// *Caught.
type Caught struct {
	Type    string `json:"type"`            // the error's Go type, or "panic"
	Message string `json:"message"`         // the error's text
	Stack   string `json:"stack,omitempty"` // the stack of a panic
}

// The environment that tells a step about its //flowc:catch and //flowc:retry directives, which
// the binary cannot read from its own source: flowc sets them on the Argo container and for
// flowc run.
const (
	// CatchEnv is set when the step has //flowc:catch, to its arguments: "var=Field" and
	// "print_exception=false", comma-separated ("" for none).
	CatchEnv = spec.EnvCatch
	// RetryTimesEnv is the step's //flowc:retry times: //flowc:catch takes over only on the last
	// attempt, when FLOWC_RETRY_COUNT has reached it.
	RetryTimesEnv = spec.EnvRetryTimes
)

// catchSpec is a step's //flowc:catch, from the environment.
type catchSpec struct {
	field string
	print bool
}

// catchFromEnv returns the step's catch, or nil when it has none or it does not apply to this
// attempt.
func catchFromEnv() (*catchSpec, error) {
	raw, ok := os.LookupEnv(CatchEnv)
	if !ok {
		return nil, nil
	}
	c := &catchSpec{print: true}
	for _, kv := range strings.Split(raw, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(kv), "=")
		switch k {
		case "":
		case "var":
			c.field = v
		case "print_exception":
			c.print = v != "false" && v != "False"
		default:
			return nil, fmt.Errorf("%s=%q: unknown argument %q", CatchEnv, raw, k)
		}
	}
	times, err1 := strconv.Atoi(os.Getenv(RetryTimesEnv))
	count, err2 := strconv.Atoi(os.Getenv(spec.EnvRetryCount))
	if err1 == nil && err2 == nil && count < times {
		return nil, nil // Argo runs the step again; catch on the last attempt only
	}
	return c, nil
}

// recoverStep handles a failed step under //flowc:catch as Metaflow's @catch does: the fields
// the step set before it failed are kept, the failure is stored in the catch field, and the
// compiled transition is taken.
func (r *runner) recoverStep(c *catchSpec, failure error) error {
	caught := Caught{Type: fmt.Sprintf("%T", errors.Unwrap(failure)), Message: failure.Error()}
	var se *StepError
	if errors.As(failure, &se) {
		caught.Message, caught.Stack = se.Err.Error(), se.Stack
		if se.Stack != "" {
			caught.Type = "panic"
		}
	}
	if c.print {
		fmt.Fprintln(os.Stderr, "flow:", failure)
		if caught.Stack != "" {
			fmt.Fprint(os.Stderr, caught.Stack)
		}
	}
	if c.field != "" {
		if err := r.setCaught(c.field, caught); err != nil {
			return err
		}
	}
	ctx := r.spec.ctx
	ctx.calls, ctx.next, ctx.foreach = btoi(r.c.HasNext), r.c.Next, r.c.Foreach
	// caught.json tells flowc run (and a reader of the run) that //flowc:catch took over.
	marker, _ := json.Marshal(map[string]string{"type": caught.Type, "message": caught.Message})
	if err := atomicWrite(filepath.Join(r.c.Out, CaughtFile), marker); err != nil {
		return err
	}
	where := "recorded it"
	if c.field != "" {
		where = "stored it in " + c.field
	}
	fmt.Fprintf(os.Stderr, "flow: step %s failed; //flowc:catch %s and the flow goes on\n", r.c.Step, where)
	return nil
}

func (r *runner) setCaught(field string, caught Caught) error {
	sf, ok := r.v.Type().FieldByName(field)
	if !ok || !sf.IsExported() {
		return fmt.Errorf("//flowc:catch var=%s: the flow has no exported field %s", field, field)
	}
	fv := r.v.FieldByIndex(sf.Index)
	switch fv.Type() {
	case reflect.TypeOf(Caught{}):
		fv.Set(reflect.ValueOf(caught))
	case reflect.TypeOf(&Caught{}):
		fv.Set(reflect.ValueOf(&caught))
	default:
		return fmt.Errorf("//flowc:catch var=%s: field %s is a %s; declare it as flow.Caught", field, field, fv.Type())
	}
	if r.spec.ctx.defined == nil {
		r.spec.ctx.defined = map[string]bool{}
	}
	r.spec.ctx.defined[field] = true
	return nil
}
