package stepcmd

import (
	"fmt"
	"math"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/stepcmd/spec"
)

// EnvVar is one environment variable a step runs with.
type EnvVar struct {
	Name, Value string
}

// Metaflow's default number of retries for a bare @retry.
const DefaultRetries = 3

// Env is the environment a step runs with, in pods and local runs alike: its @environment
// variables in source order, then its @catch and @retry (PROTOCOL.md, "Environment"), which
// both runtimes read from here: a Go binary cannot read its own directives, and one source
// keeps the two runtimes deciding alike.
func Env(f *ir.Flow, s *ir.Step) []EnvVar {
	var env []EnvVar
	if d := s.Decorator("environment"); d != nil {
		if a := d.Arg("vars"); a != nil && a.Value.Kind == ir.ValDict {
			for i, k := range a.Value.Keys {
				env = append(env, EnvVar{k.Str, EnvValue(f, a.Value.Elems[i])})
			}
		}
	}
	if d := s.Decorator("catch"); d != nil {
		var parts []string
		for _, name := range []string{"var", "print_exception"} {
			if a := d.Arg(name); a != nil && a.Value.Kind != ir.ValNone {
				parts = append(parts, name+"="+Plain(a.Value))
			}
		}
		env = append(env, EnvVar{EnvCatch, strings.Join(parts, ",")})
	}
	if d := s.Decorator("retry"); d != nil {
		env = append(env, EnvVar{EnvRetryTimes, fmt.Sprint(Retries(d))})
	}
	if secs := ir.TimeoutSeconds(s.Decorator("timeout")); secs > 0 {
		env = append(env, EnvVar{EnvTimeout, fmt.Sprint(secs)})
	}
	return env
}

// Deadline is how long the pod or flowc run lets a step with @timeout run before stopping it
// from outside: the timeout and spec.TimeoutGrace, so that the step's own timeout comes first.
// Zero without @timeout.
func Deadline(s *ir.Step) int64 {
	secs := ir.TimeoutSeconds(s.Decorator("timeout"))
	if secs <= 0 {
		return 0
	}
	return min(secs+spec.TimeoutGrace, math.MaxInt32)
}

// Retries is how many times a step with this @retry is tried again after failing.
func Retries(d *ir.Decorator) int64 {
	if d == nil {
		return 0
	}
	if a := d.Arg("times"); a != nil && a.Value.Kind == ir.ValInt {
		return a.Value.Int
	}
	return DefaultRetries
}

// Plain is a literal as the string a user means: no quotes, booleans as true and false.
func Plain(v ir.Value) string {
	if v.Kind == ir.ValBool {
		return fmt.Sprint(v.Bool)
	}
	return v.Str
}

// PodEnv is the run's identity in an Argo pod, as Argo's variables: the workflow's name is the
// run id, the pod's name the task id (unique per pod, so per attempt), and with @retry Argo's
// retry count is the attempt ({{retries}} exists only in a template with a retryStrategy).
func PodEnv(s *ir.Step) []EnvVar {
	env := []EnvVar{{EnvRunID, "{{workflow.name}}"}, {EnvTaskID, "{{pod.name}}"}}
	if Retries(s.Decorator("retry")) > 0 {
		env = append(env, EnvVar{EnvRetryCount, "{{retries}}"})
	}
	return env
}
