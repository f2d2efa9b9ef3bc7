package check

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// reservedParamNames are parameter names flowc rejects, compared case-insensitively: Metaflow's
// reserved "params" and "with". Names starting with "flowc-" or "flowc_" are kept for the Argo
// parameters flowc may add itself.
var reservedParamNames = []string{"params", "with"}

// Parameter reports parameters that Metaflow, Argo or flowc's runtime would reject.
var Parameter = &Check{
	Name: diag.Parameter,
	Doc: `parameter reports what the frontend could not read in a Parameter(...), a reserved name,
a name that is not a valid Argo parameter name (letters, digits, '_' and '-'), two names equal
case-insensitively, an attribute that is reserved, repeated or the name of a step, a default
that does not fit the type (or is not valid JSON for a JSON parameter), and a default too large
for the command line of a pod.`,
	Run: func(p *Pass) {
		names := make(map[string]*ir.Param, len(p.Flow.Params))
		attrs := make(map[string]*ir.Param, len(p.Flow.Params))
		for _, prm := range p.Flow.Params {
			reportProblems(p, prm.Problems)
			checkParamName(p, prm, names)
			checkParamAttr(p, prm, attrs)
			checkParamDefault(p, prm)
			checkParamDefaultSize(p, prm)
		}
	},
}

func checkParamName(p *Pass, prm *ir.Param, seen map[string]*ir.Param) {
	pos := orPos(prm.NamePos, prm.Pos)
	folded := strings.ToLower(prm.Name)
	switch {
	case prm.Name == "" && len(prm.Problems) > 0:
		// The frontend said why it has no name (none given, or not a literal); two such are
		// not one name given twice.
		return
	case prm.Name == "":
		p.Reportf(pos, "parameter name is empty")
		return
	case hasBraces(prm.Name): // template-syntax reports it
	case !validArgoParamName(prm.Name):
		p.Reportf(pos, "parameter name %q is not a valid Argo parameter name: use letters, digits, \"_\" and \"-\"", prm.Name)
	case !isLetterOrUnderscore(prm.Name[0]):
		p.Reportf(pos, "parameter name %q must start with a letter or \"_\": the step's command line would read it as an option", prm.Name)
	case isReservedParamName(folded):
		p.reportFix(pos, "choose another name", "parameter name %q is reserved", prm.Name)
	}
	first, dup := seen[folded]
	if !dup {
		seen[folded] = prm
		return
	}
	note := orPos(first.NamePos, first.Pos)
	if first.Name == prm.Name {
		p.reportNote(pos, note, "first defined here", "parameter %q is defined more than once", prm.Name)
		return
	}
	p.reportNote(pos, note, "first defined here",
		"parameter %q has the same name as %q; parameter names are compared case-insensitively", prm.Name, first.Name)
}

func isLetterOrUnderscore(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isReservedParamName(folded string) bool {
	for _, r := range reservedParamNames {
		if folded == r {
			return true
		}
	}
	return strings.HasPrefix(folded, "flowc-") || strings.HasPrefix(folded, "flowc_")
}

// validArgoParamName is Argo's paramOrArtifactNameRegex, ^[-a-zA-Z0-9_]+$.
func validArgoParamName(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return name != ""
}

func checkParamAttr(p *Pass, prm *ir.Param, seen map[string]*ir.Param) {
	if prm.Attr == "" {
		return
	}
	switch {
	case isFlowSpecAttr(prm.Attr):
		p.reportFix(prm.Pos, "choose another name", "parameter attribute %q is a reserved word", prm.Attr)
	case p.Graph.Step(prm.Attr) != nil:
		d := diag.Errorf(prm.Pos, p.Check.Name, "parameter attribute %q has the same name as a step", prm.Attr).Suggest("rename one")
		d.Notes = []diag.Note{{Pos: p.Graph.Step(prm.Attr).Pos, Message: "the step is defined here"}}
		p.Report(d)
	}
	if first, dup := seen[prm.Attr]; dup {
		p.reportNote(prm.Pos, first.Pos, "first assigned here", "parameter attribute %q is assigned more than once", prm.Attr)
		return
	}
	seen[prm.Attr] = prm
}

func checkParamDefault(p *Pass, prm *ir.Param) {
	v := prm.Default
	if v == nil {
		return
	}
	pos := orPos(prm.DefaultPos, prm.Pos)
	if prm.Type == ir.TypeJSON && v.Kind == ir.ValString {
		var x any
		if err := json.Unmarshal([]byte(v.Str), &x); err != nil {
			p.Reportf(pos, "default of JSON parameter %q is not valid JSON: %v", prm.Name, err)
		}
		return
	}
	if want := misfit(prm.Type, v); want != "" {
		p.Reportf(pos, "default of parameter %q is %s, which is not %s", prm.Name, describeValue(*v), want)
	}
}

// checkParamDefaultSize refuses a default that no pod could receive: a value reaches each step
// on its command line (PROTOCOL.md, --param), where Linux limits one argument, and a scheduled
// run (the CronWorkflow) always starts with the defaults. `flowc submit` refuses a larger value
// given on its command line by the same limit.
func checkParamDefaultSize(p *Pass, prm *ir.Param) {
	v, ok := prm.DefaultValue()
	if !ok || len(v) <= stepcmd.MaxArgParam {
		return
	}
	p.Report(diag.Errorf(orPos(prm.DefaultPos, prm.Pos), p.Check.Name,
		"default of parameter %q is %d bytes; values reach Argo pods on the command line, which takes at most %d bytes (64 KiB) per value",
		prm.Name, len(v), stepcmd.MaxArgParam).
		Suggest("read large data from a file (IncludeFile, Config or include: in flowc.yaml)"))
}

// misfit says what v should be to fit a parameter of type t ("an int"), or "" when it fits or
// cannot be judged. Strings are judged as the command line would convert them.
func misfit(t ir.ParamType, v *ir.Value) string {
	if v.Kind == ir.ValNone || v.Kind == ir.ValExpr {
		return ""
	}
	s := strings.TrimSpace(v.Str)
	switch t {
	case ir.TypeInt:
		if _, err := strconv.ParseInt(s, 10, 64); v.Kind != ir.ValInt && (v.Kind != ir.ValString || err != nil) {
			return "an int"
		}
	case ir.TypeFloat:
		if _, err := strconv.ParseFloat(s, 64); v.Kind != ir.ValInt && v.Kind != ir.ValFloat && (v.Kind != ir.ValString || err != nil) {
			return "a float"
		}
	case ir.TypeBool:
		if v.Kind != ir.ValBool && (v.Kind != ir.ValString || !isBoolWord(s)) {
			return "a bool"
		}
	case ir.TypeStr:
		if v.Kind == ir.ValList || v.Kind == ir.ValDict {
			return "a string"
		}
	}
	return ""
}

// isBoolWord is what click's BOOL type accepts from a command line: the step protocol's words,
// which both runtimes accept too.
func isBoolWord(s string) bool {
	_, ok := stepcmd.ParseBool(s)
	return ok
}

// describeValue words a literal for a message: "abc" quoted, numbers as written, "a list".
func describeValue(v ir.Value) string {
	switch v.Kind {
	case ir.ValString:
		return strconv.Quote(v.Str)
	case ir.ValInt:
		if v.Str != "" {
			return v.Str
		}
		return strconv.FormatInt(v.Int, 10)
	case ir.ValFloat:
		if v.Str != "" {
			return v.Str
		}
		return strconv.FormatFloat(v.Float, 'g', -1, 64)
	case ir.ValBool:
		return fmt.Sprint(v.Bool)
	case ir.ValList:
		return "a list"
	case ir.ValDict:
		return "a dict"
	case ir.ValNone:
		return "none"
	}
	return v.Str
}

func orPos(p, fallback diag.Pos) diag.Pos {
	if p.IsValid() {
		return p
	}
	return fallback
}
