package check

import (
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// param builds a parameter on line ln: the call at column 5, the name at 20, the default at 40.
func param(ln int, name, attr string, typ ir.ParamType, def *ir.Value) *ir.Param {
	return &ir.Param{Name: name, Attr: attr, Type: typ, Default: def,
		Pos: pos(ln, 5), NamePos: pos(ln, 20), DefaultPos: pos(ln, 40)}
}

func ptr(v ir.Value) *ir.Value { return &v }

func TestParameter(t *testing.T) {
	f := parseFlow(t, "\n\n\n\n\n\n\n\n\n\n\n\n"+linear) // steps from line 14
	f.Params = []*ir.Param{
		param(2, "alpha", "alpha", ir.TypeFloat, ptr(num(1))),
		param(3, "Alpha", "alpha2", ir.TypeStr, nil),
		param(4, "with", "with_", ir.TypeStr, nil),
		param(5, "data.path", "path", ir.TypeStr, ptr(str("s3://x"))),
		param(6, "n", "n", ir.TypeInt, ptr(str("abc"))),
		param(7, "cfg", "cfg", ir.TypeJSON, ptr(str(`{"a": 1,}`))),
		param(8, "flag", "index", ir.TypeBool, ptr(num(1))),
		param(9, "a", "a", ir.TypeInt, ptr(str(" 42 "))),
		param(10, "flowc-run", "alpha", ir.TypeStr, nil),
		param(11, "ok", "ok", ir.TypeBool, ptr(str("yes"))),
		param(12, "", "empty", ir.TypeStr, nil),
	}
	f.Params[0].Problems = []ir.Problem{{Check: diag.Parameter, Pos: pos(2, 30), Message: "type= must be str, int, float, bool or JSONType"}}
	expect(t, f, `
flow.py:2:30: error: type= must be str, int, float, bool or JSONType [parameter]
flow.py:3:20: error: parameter "Alpha" has the same name as "alpha"; parameter names are compared case-insensitively [parameter]
	note: flow.py:2:20: first defined here
flow.py:4:20: error: parameter name "with" is reserved [parameter]
	help: choose another name
flow.py:5:20: error: parameter name "data.path" is not a valid Argo parameter name: use letters, digits, "_" and "-" [parameter]
flow.py:6:40: error: default of parameter "n" is "abc", which is not an int [parameter]
flow.py:7:40: error: default of JSON parameter "cfg" is not valid JSON: invalid character '}' looking for beginning of object key string [parameter]
flow.py:8:5: error: parameter attribute "index" is a reserved word [parameter]
	help: choose another name
flow.py:8:40: error: default of parameter "flag" is 1, which is not a bool [parameter]
flow.py:9:5: error: parameter attribute "a" has the same name as a step [parameter]
	note: flow.py:15:5: the step is defined here
	help: rename one
flow.py:10:5: error: parameter attribute "alpha" is assigned more than once [parameter]
	note: flow.py:2:5: first assigned here
flow.py:10:20: error: parameter name "flowc-run" is reserved [parameter]
	help: choose another name
flow.py:12:20: error: parameter name is empty [parameter]`)
}

// TestParameterDefaultSize: a default reaches every pod on its command line, so one byte over
// stepcmd.MaxArgParam, as the template declares it (JSON for a list), is refused at the default.
func TestParameterDefaultSize(t *testing.T) {
	f := parseFlow(t, "\n\n\n\n\n\n\n\n\n\n\n\n"+linear)
	long := strings.Repeat("a", stepcmd.MaxArgParam)
	// The JSON encoder writes each "<" as \u003c: 10,923 of them and the brackets make 65,542 bytes.
	angles := ir.Value{Kind: ir.ValList, List: []ir.Value{str(strings.Repeat("<", 10_923))}}
	f.Params = []*ir.Param{
		param(2, "fits", "fits", ir.TypeStr, ptr(str(long))),
		param(3, "over", "over", ir.TypeStr, ptr(str(long+"a"))),
		param(4, "json", "json", ir.TypeJSON, ptr(angles)),
	}
	expect(t, f, `
flow.py:3:40: error: default of parameter "over" is 65537 bytes; values reach Argo pods on the command line, which takes at most 65536 bytes (64 KiB) per value [parameter]
	help: read large data from a file (IncludeFile, Config or include: in flowc.yaml)
flow.py:4:40: error: default of parameter "json" is 65542 bytes; values reach Argo pods on the command line, which takes at most 65536 bytes (64 KiB) per value [parameter]
	help: read large data from a file (IncludeFile, Config or include: in flowc.yaml)`)
}
