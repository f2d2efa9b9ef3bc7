package check

import (
	"fmt"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
)

// argKind is what values a decorator argument takes.
type argKind int

const (
	anyValue    argKind = iota // not checked
	nonNegInt                  // 0, 1, ... (or a string of digits)
	boolean                    // True or False
	literal                    // a string
	identifier                 // a string that is a Python identifier (@catch's var)
	pullPolicy                 // "Always", "IfNotPresent" or "Never"
	strList                    // a string or a list of strings
	strMap                     // a dict of strings to strings
	selector                   // strMap, or a string "key=value,key2=value2"
	tolerations                // a list of dicts with string keys
	envVars                    // a dict of variable names to strings, numbers or bools
	cpuQty                     // a positive number or Kubernetes quantity
	memQty                     // a positive number of megabytes or Kubernetes quantity
)

// checkValue says what is wrong with v as a value of kind k, worded to follow "@retry times", or
// "" when nothing is. None means "unset" everywhere, as Metaflow's defaults are None.
func checkValue(f *ir.Flow, k argKind, v ir.Value) string {
	if v.Kind == ir.ValNone || k == anyValue {
		return ""
	}
	if bad := firstExpr(v); bad != "" {
		return fmt.Sprintf("must be a literal, not the expression %q; flowc reads decorators without running the flow", bad)
	}
	var want string
	switch k {
	case nonNegInt:
		if n, ok := intValue(v); !ok || n < 0 {
			want = "a non-negative integer"
		} else if n > maxInt32 {
			want = "at most 2147483647 (Argo reads it as a 32-bit integer)"
		}
	case boolean:
		if v.Kind != ir.ValBool {
			want = words(f).Bools
		}
	case identifier:
		// A Go flow's //flowc:catch var names a field, which the Go frontend checks as such.
		if f.Lang != ir.Go {
			want = checkString(k, v)
		}
	case literal, pullPolicy:
		want = checkString(k, v)
	case strList:
		if v.Kind != ir.ValString && !allStrings(v.List, v.Kind == ir.ValList) {
			want = "a string or a list of strings"
		}
	case strMap, selector:
		if !(k == selector && v.Kind == ir.ValString && validSelector(v.Str)) && !isStringMap(v) {
			want = map[bool]string{false: "a dict of strings", true: `a dict of strings or "key=value,..."`}[k == selector]
		}
	case tolerations:
		want = checkTolerations(v)
	case envVars:
		want = checkEnvVars(v)
	case cpuQty:
		if !ir.PositiveQuantity(v, true) {
			want = `a positive number or a Kubernetes quantity such as "500m"`
		}
	case memQty:
		if !ir.PositiveQuantity(v, false) {
			want = `a positive number of megabytes or a Kubernetes quantity such as "4Gi"`
		}
	}
	if want == "" {
		return ""
	}
	return fmt.Sprintf("must be %s, not %s", want, describeValue(v))
}

// firstExpr returns the source of the first non-literal in v, or "".
func firstExpr(v ir.Value) string {
	if v.Kind == ir.ValExpr {
		return v.Str
	}
	for _, list := range [][]ir.Value{v.List, v.Keys, v.Elems} {
		for _, e := range list {
			if s := firstExpr(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// intValue reads an integer from an int literal or a string of digits.
func intValue(v ir.Value) (int64, bool) { return v.AsInt() }

func checkString(k argKind, v ir.Value) string {
	if v.Kind != ir.ValString {
		return "a string"
	}
	switch {
	case k == identifier && !isIdentifier(v.Str):
		return "a Python identifier"
	case k == pullPolicy && v.Str != "Always" && v.Str != "IfNotPresent" && v.Str != "Never":
		return `"Always", "IfNotPresent" or "Never"`
	}
	return ""
}

func isIdentifier(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return s != ""
}

func allStrings(vs []ir.Value, isList bool) bool {
	for _, e := range vs {
		if e.Kind != ir.ValString {
			return false
		}
	}
	return isList
}

func isStringMap(v ir.Value) bool {
	return v.Kind == ir.ValDict && len(v.Keys) == len(v.Elems) && allStrings(v.Keys, true) && allStrings(v.Elems, true)
}

// validSelector accepts Metaflow's string form of a node selector, "key=value,key2=value2".
func validSelector(s string) bool {
	for _, kv := range strings.Split(s, ",") {
		k, _, ok := strings.Cut(strings.TrimSpace(kv), "=")
		if !ok || k == "" {
			return false
		}
	}
	return true
}

func checkTolerations(v ir.Value) string {
	if v.Kind != ir.ValList {
		return "a list of dicts"
	}
	for _, e := range v.List {
		if e.Kind != ir.ValDict || !allStrings(e.Keys, true) {
			return "a list of dicts"
		}
	}
	return ""
}

func checkEnvVars(v ir.Value) string {
	const want = "a dict of variable names to strings, numbers or bools"
	if v.Kind != ir.ValDict || len(v.Keys) != len(v.Elems) {
		return want
	}
	for i, k := range v.Keys {
		if k.Kind != ir.ValString || k.Str == "" || strings.ContainsAny(k.Str, "=\x00") {
			return want
		}
		switch v.Elems[i].Kind {
		case ir.ValString, ir.ValInt, ir.ValFloat, ir.ValBool:
		default:
			return want
		}
	}
	return ""
}
