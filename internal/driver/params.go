package driver

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// Params checks NAME=VALUE arguments against a flow's parameters and returns every parameter's
// value as the string a step receives: the given value, else the default. Unknown names, values
// of the wrong type and missing required parameters are all reported, in parameter order.
func Params(f *ir.Flow, args []string) (map[string]string, []error) {
	given := map[string]string{}
	seen := map[string]bool{}
	var errs []error
	known := map[string]*ir.Param{}
	for _, p := range f.Params {
		known[p.Name] = p
	}
	for _, a := range args {
		name, value, ok := strings.Cut(a, "=")
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("parameter %q: want NAME=VALUE", a))
		case known[name] == nil:
			errs = append(errs, fmt.Errorf("unknown parameter %q; the flow has %s", name, paramNames(f)))
		case seen[name]:
			// As on the step command line (stepcmd): a second value is a mistake, not an override.
			errs = append(errs, fmt.Errorf("parameter %q is given twice", name))
		default:
			seen[name] = true
			given[name] = value
		}
	}
	out := map[string]string{}
	for _, p := range f.Params {
		v, ok := given[p.Name]
		if !ok {
			v, ok = p.DefaultValue()
		}
		if !ok {
			if p.Required {
				errs = append(errs, fmt.Errorf("parameter %q is required: pass --param %s=VALUE", p.Name, p.Name))
			}
			out[p.Name] = "" // not given: the runtime takes the flow's own default, as in a pod
			continue
		}
		if err := checkType(p, v); err != nil {
			errs = append(errs, err)
			continue
		}
		out[p.Name] = v
	}
	return out, errs
}

// checkType tells whether the runtime will accept v for p, so that a bad value fails before any
// step runs.
func checkType(p *ir.Param, v string) error {
	var err error
	switch p.Type {
	case ir.TypeInt:
		_, err = strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	case ir.TypeFloat:
		_, err = strconv.ParseFloat(strings.TrimSpace(v), 64)
	case ir.TypeBool:
		if _, ok := stepcmd.ParseBool(v); !ok {
			err = fmt.Errorf("not a boolean")
		}
	case ir.TypeJSON:
		if !json.Valid([]byte(v)) {
			err = fmt.Errorf("not valid JSON")
		}
	}
	if err != nil {
		return fmt.Errorf("parameter %q must be of type %s: %q is not", p.Name, p.Type, v)
	}
	return nil
}

func paramNames(f *ir.Flow) string {
	var names []string
	for _, p := range f.Params {
		names = append(names, strconv.Quote(p.Name))
	}
	sort.Strings(names)
	if len(names) == 0 {
		return "no parameters"
	}
	return strings.Join(names, ", ")
}
