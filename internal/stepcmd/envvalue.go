package stepcmd

import (
	"math"
	"strconv"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
)

// EnvValue is an @environment value as the step's process sees it. A Python flow's values are
// what Metaflow passes, Python's str() of the literal: True, 1.0, 1e-05. A Go flow's directive
// values are text already.
func EnvValue(f *ir.Flow, v ir.Value) string {
	if f.Lang != ir.Python {
		return Plain(v)
	}
	switch v.Kind {
	case ir.ValBool:
		return map[bool]string{true: "True", false: "False"}[v.Bool]
	case ir.ValFloat:
		return pyFloat(v.Float)
	case ir.ValInt:
		return strconv.FormatInt(v.Int, 10)
	}
	return v.Str
}

// pyFloat is Python's repr of a float: the shortest digits that read back as x, in fixed
// notation with at least one decimal when the exponent is from -4 to 15, else as 1e+16.
func pyFloat(x float64) string {
	switch {
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	case math.IsNaN(x):
		return "nan"
	}
	e := strconv.FormatFloat(x, 'e', -1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if exp < -4 || exp >= 16 {
		return e
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}
