package ir

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/flowc-dev/flowc/internal/diag"
)

// StartName is the name of the flow's start step: the one marked @step(start=True), else "start".
func (f *Flow) StartName() string {
	if f.Start != "" {
		return f.Start
	}
	return "start"
}

// EndName is the name of the flow's end step: the one marked @step(end=True), else "end".
func (f *Flow) EndName() string {
	if f.End != "" {
		return f.End
	}
	return "end"
}

// StepRole is the name of the step that plays role, "start" or "end".
func (f *Flow) StepRole(role string) string {
	if role == "end" {
		return f.EndName()
	}
	return f.StartName()
}

// IsEnd reports whether s is the flow's end step.
func (f *Flow) IsEnd(s *Step) bool { return s.Name == f.EndName() }

// IsStart reports whether s is the flow's start step.
func (f *Flow) IsStart(s *Step) bool { return s.Name == f.StartName() }

// Config is a Metaflow Config: a named value the steps read as self.<attr>, resolved when the
// flow is compiled (Metaflow resolves it at deploy time) from a file or a literal default.
type Config struct {
	Name     string // the name users pass to --config NAME=FILE and config_expr uses
	Attr     string // the attribute the steps read it from
	Pos      diag.Pos
	File     string // default=: the file to read, relative to the flow's directory; "" when none
	FilePos  diag.Pos
	Default  *Value // default_value=: a literal value (a dict) or text for the parser
	Parser   string // the parser by name ("json.loads", "yaml.safe_load", ...), "" for the default
	Required bool
	Plain    bool // plain=True: the steps see the value as parsed, not as a ConfigValue

	// JSON is the resolved value as canonical JSON, filled in by the driver before the checks;
	// nil when it could not be resolved (a problem says why).
	JSON     []byte
	Problems []Problem
}

// ConfigRef is a reference to a config value in a decorator argument: `cfg.a.b`, `cfg["a"]`,
// `self.cfg.a` or `config_expr("cfg.a")`. The driver replaces the value holding it with the
// config's value once configs are resolved.
type ConfigRef struct {
	Config string   // the config's name
	Attr   string   // the attribute it was read through, when not through config_expr
	Path   []string // keys below the config's value, outermost first
	Conv   string   // "", or the Python conversion config_expr applies to the value: str, int, float or bool
	Pos    diag.Pos
}

// Include is what an IncludeFile parameter adds to a Param: how the steps read the file, and
// the literal default path that is read into the build context when the flow is compiled.
type Include struct {
	IsText   bool
	Encoding string
	Path     string // the literal default, relative to the flow's directory; "" when computed
	PathPos  diag.Pos
}

// ValueOf turns decoded JSON (as encoding/json decodes it with UseNumber) into a Value: the form
// a config value takes where a decorator argument reads it. Dict keys come out sorted.
func ValueOf(x any) Value {
	switch x := x.(type) {
	case nil:
		return Value{Kind: ValNone, Str: "None"}
	case bool:
		if x {
			return Value{Kind: ValBool, Bool: true, Str: "True"}
		}
		return Value{Kind: ValBool, Str: "False"}
	case string:
		return Value{Kind: ValString, Str: x}
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return Value{Kind: ValInt, Int: i, Str: x.String()}
		}
		f, _ := x.Float64()
		return Value{Kind: ValFloat, Float: f, Str: x.String()}
	case []any:
		v := Value{Kind: ValList, List: []Value{}}
		for _, e := range x {
			v.List = append(v.List, ValueOf(e))
		}
		return v
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		v := Value{Kind: ValDict}
		for _, k := range keys {
			v.Keys = append(v.Keys, Value{Kind: ValString, Str: k})
			v.Elems = append(v.Elems, ValueOf(x[k]))
		}
		return v
	}
	return Value{Kind: ValExpr, Str: fmt.Sprint(x)}
}
