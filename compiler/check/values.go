package check

import (
	"math"
	"strings"
	"unicode"

	"github.com/flowc-dev/flowc/compiler/ir"
)

// This file checks decorator values that reach Kubernetes and Argo as names and enumerations,
// where the API server or the controller would refuse them only once a run starts: environment
// variable names, service accounts, annotation keys, tolerations, GPU vendors.

// maxInt32 bounds every count and duration flowc writes: Argo reads retry limits and deadlines
// as Kubernetes IntOrString, a 32-bit integer.
const maxInt32 = math.MaxInt32

// checkEnvironment reports variable names that are not portable names, that flowc's own
// variables use, or that are given twice.
func checkEnvironment(p *Pass, d *ir.Decorator, valid map[string]*ir.Arg) {
	a := valid["vars"]
	if a == nil || a.Value.Kind != ir.ValDict {
		return
	}
	name, pos := decoName(p.Flow, d.Name), orPos(a.Pos, d.Pos)
	seen := make(map[string]bool, len(a.Value.Keys))
	for _, k := range a.Value.Keys {
		switch {
		case hasBraces(k.Str): // template-syntax reports it
		case !isEnvName(k.Str):
			p.Reportf(pos, "%s vars: %q is not an environment variable name (letters, digits and '_', not starting with a digit)", name, k.Str)
		case strings.HasPrefix(strings.ToUpper(k.Str), "FLOWC_"):
			p.Reportf(pos, "%s vars: %q is reserved: names starting with FLOWC_ are flowc's own", name, k.Str)
		case seen[k.Str]:
			p.Reportf(pos, "%s vars: %q is given twice", name, k.Str)
		}
		seen[k.Str] = true
	}
}

// isEnvName is the POSIX shell's rule, which every shell and container runtime accepts.
func isEnvName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return s != ""
}

// checkKubernetesValues checks the @kubernetes values the emitter writes into the pod spec.
func checkKubernetesValues(p *Pass, d *ir.Decorator, valid map[string]*ir.Arg) {
	name := decoName(p.Flow, d.Name)
	if a := valid["service_account"]; a != nil && a.Value.Kind == ir.ValString && !hasBraces(a.Value.Str) &&
		(len(a.Value.Str) > 253 || !k8sSubdomain.MatchString(a.Value.Str)) {
		p.Reportf(orPos(a.Pos, d.Pos), "%s service_account %q is not a Kubernetes service account name (lowercase letters, digits, '-' and '.')", name, a.Value.Str)
	}
	if a := valid["gpu_vendor"]; a != nil && a.Value.Kind == ir.ValString {
		if v := strings.ToLower(a.Value.Str); v != "nvidia" && v != "amd" {
			p.Reportf(orPos(a.Pos, d.Pos), "%s gpu_vendor must be \"nvidia\" or \"amd\", not %q", name, a.Value.Str)
		}
	}
	if a := valid["annotations"]; a != nil && a.Value.Kind == ir.ValDict {
		for _, k := range a.Value.Keys {
			if !hasBraces(k.Str) && !validLabelKey(k.Str) {
				p.Reportf(orPos(a.Pos, d.Pos), "%s annotations: %q is not a Kubernetes annotation key (an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' and '.')", name, k.Str)
			}
		}
	}
	if a := valid["tolerations"]; a != nil {
		for _, t := range a.Value.List {
			if why := tolerationProblem(t); why != "" {
				p.Reportf(orPos(a.Pos, d.Pos), "%s tolerations: %s", name, why)
			}
		}
	}
}

// tolerationProblem applies the API server's rules for one toleration: known fields only, an
// operator of Equal or Exists (no value with Exists), a known effect, and tolerationSeconds a
// whole number for NoExecute.
func tolerationProblem(t ir.Value) string {
	fields := map[string]ir.Value{}
	for i, k := range t.Keys {
		fields[k.Str] = t.Elems[i]
	}
	for i, k := range t.Keys {
		v := t.Elems[i]
		switch k.Str {
		case "key", "operator", "value", "effect":
			if v.Kind != ir.ValString && v.Kind != ir.ValNone {
				return "\"" + k.Str + "\" must be a string, not " + describeValue(v)
			}
		case "tolerationSeconds":
			if v.Kind != ir.ValInt && v.Kind != ir.ValNone {
				return "\"tolerationSeconds\" must be a whole number of seconds, not " + describeValue(v)
			}
		default:
			return "unknown field \"" + k.Str + "\"; a toleration has key, operator, value, effect and tolerationSeconds"
		}
	}
	op, effect := fields["operator"].Str, fields["effect"].Str
	switch {
	case op != "" && op != "Equal" && op != "Exists":
		return "operator must be \"Equal\" or \"Exists\", not \"" + op + "\""
	case op == "Exists" && fields["value"].Str != "":
		return "a toleration with operator \"Exists\" takes no value"
	case effect != "" && effect != "NoSchedule" && effect != "PreferNoSchedule" && effect != "NoExecute":
		return "effect must be \"NoSchedule\", \"PreferNoSchedule\" or \"NoExecute\", not \"" + effect + "\""
	case fields["tolerationSeconds"].Kind == ir.ValInt && effect != "NoExecute":
		return "tolerationSeconds applies only to effect \"NoExecute\""
	}
	return ""
}

// isAttrName reports whether s can be the name of an attribute: a Python identifier (letters of
// any script, digits, '_'), which also covers Go's exported field names.
func isAttrName(s string) bool {
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return s != ""
}
