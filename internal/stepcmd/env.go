package stepcmd

import (
	"fmt"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
)

// EnvVar is one environment variable a step runs with.
type EnvVar struct {
	Name, Value string
}

// Metaflow's default number of retries for a bare @retry.
const DefaultRetries = 3

// Env is the environment a step runs with, in pods and local runs alike: its @environment
// variables in source order, then what a Go flow's binary cannot read from its own directives
// (@catch and @retry; the Python runtime reads them from the flow class).
func Env(f *ir.Flow, s *ir.Step) []EnvVar {
	var env []EnvVar
	if d := s.Decorator("environment"); d != nil {
		if a := d.Arg("vars"); a != nil && a.Value.Kind == ir.ValDict {
			for i, k := range a.Value.Keys {
				env = append(env, EnvVar{k.Str, EnvValue(f, a.Value.Elems[i])})
			}
		}
	}
	if f.Lang != ir.Go {
		return env
	}
	if d := s.Decorator("catch"); d != nil {
		var parts []string
		for _, name := range []string{"var", "print_exception"} {
			if a := d.Arg(name); a != nil && a.Value.Kind != ir.ValNone {
				parts = append(parts, name+"="+Plain(a.Value))
			}
		}
		env = append(env, EnvVar{"FLOWC_CATCH", strings.Join(parts, ",")})
	}
	if d := s.Decorator("retry"); d != nil {
		env = append(env, EnvVar{"FLOWC_RETRY_TIMES", fmt.Sprint(Retries(d))})
	}
	return env
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
