// Package ir is flowc's one intermediate representation of a flow. Both frontends (Python and Go)
// lower to it; the checks read it; the emitters turn it into Argo manifests and build specs.
//
// A frontend records what the source says, including what is wrong with it (a transition under an
// `if`, a join with three arguments), and leaves judging to the checks. graph.Resolve, the
// compile phase that runs before the checks, fills in the derived fields (Kind, Next, Foreach,
// In) from the one step graph and is the last to write the IR: the checks, the emitters and
// flowc run only read it.
package ir

import (
	"github.com/flowc-dev/flowc/internal/diag"
)

// Lang is the language a flow is written in.
type Lang string

// Languages flowc reads.
const (
	Python Lang = "python"
	Go     Lang = "go"
)

// Flow is one flow: a FlowSpec class in Python, a //flowc:flow type in Go.
type Flow struct {
	Name       string // the class or type name, such as "DataProcessWorkflow"
	Lang       Lang
	File       string // slash-separated path of the source file, as the user named it
	Pos        diag.Pos
	Params     []*Param     // in source order
	Steps      []*Step      // in source order
	Decorators []*Decorator // flow-level decorators (@schedule, @project), in source order
	Imports    []Import     // modules the flow file imports, in source order (build context)
	Configs    []*Config    // Metaflow Configs, in source order
	Start, End string       // steps marked @step(start=True) / @step(end=True); "" when none
	Problems   []Problem    // flow-level findings of the frontend (imports, mutators, user code)
	Words      *Words       // how the flow's language writes what diagnostics name; set by the frontend

	// Modules are, for a Python flow, the local modules its image needs: the files beside the
	// flow file that it imports, directly or through each other, found by the frontend (which
	// reads them with the build context's rules), so that the build backend copies them without
	// reading the source or importing a frontend. ThirdParty are the top-level modules it
	// imports that are neither local, standard nor flowc's, each at its first import.
	Modules    []Module
	ThirdParty []Import

	// GoFiles are, for a Go flow, the files `go build` reads from modules for the flow's
	// package: those of the package and of every package it imports, directly or not, outside
	// the standard library (Go, ignored, other and embedded files; no tests), as absolute OS
	// paths in the go command's order. The frontend's one go/packages load lists them, so that
	// the build backend does not load the packages again.
	GoFiles []string

	// Order is the steps in a topological order of the graph, set by graph.Resolve (on a graph
	// with a cycle, what it could order): the order the emitters and flowc run take them in.
	Order []*Step

	// byName indexes Steps by name once the compile phase is done (IndexSteps), so that a
	// lookup per step of a large flow is not a scan of all of them; indexed is len(Steps) then.
	byName  map[string]*Step
	indexed int
}

// Module is a local module a flow's image needs, as the frontend found it.
type Module struct {
	Path string   // slash path relative to the flow file's directory: "util.py", "pkg/__init__.py"
	Pos  diag.Pos // the import statement that first needs it
	Src  []byte   // its content; nil when Err is set
	Err  string   // why it cannot go into the build context, "" when it can
}

// Import is one module the flow's source file imports.
type Import struct {
	Module string   // dotted module path ("data_util", "os.path", ".sibling") or Go import path
	Names  []string // what `from Module import a, b` names, which may be submodules
	Pos    diag.Pos
}

// ParamType is the type of a flow parameter.
type ParamType string

// Parameter types, as Metaflow names them.
const (
	TypeStr   ParamType = "str"
	TypeInt   ParamType = "int"
	TypeFloat ParamType = "float"
	TypeBool  ParamType = "bool"
	TypeJSON  ParamType = "json"
)

// Param is a flow parameter: `attr = Parameter("name", ...)` in Python.
type Param struct {
	Name       string    // the name users pass (`--param name=value`), Parameter's first argument
	Attr       string    // the attribute the steps read it from
	Type       ParamType // from type= or inferred from the default
	Default    *Value    // nil when there is none
	Help       string
	Required   bool
	Pos        diag.Pos // the Parameter call
	NamePos    diag.Pos // the name argument
	DefaultPos diag.Pos
	Include    *Include  // set for an IncludeFile
	Problems   []Problem // what the frontend could not make sense of (a non-literal type=, say)
}

// Kind is the role of a step in the graph, derived from its transition and signature.
type Kind string

// Step kinds.
const (
	KindStart   Kind = "start"
	KindLinear  Kind = "linear"
	KindSplit   Kind = "split"
	KindForeach Kind = "foreach"
	KindJoin    Kind = "join"
	KindEnd     Kind = "end"
)

// Step is one @step method.
type Step struct {
	Name        string
	Pos         diag.Pos // the step's name in `def name`
	DecoPos     diag.Pos // the @step decorator
	NumArgs     int      // parameters of the method, self included: 1 for a step, 2 for a join
	Decorators  []*Decorator
	Transitions []*Transition // every self.next call in the body, in source order
	TrailingPos diag.Pos      // first statement after the last top-level transition, if any

	// Filled in by graph.Resolve from the step graph, before the checks run; the emitters and
	// flowc run read them.
	Kind    Kind
	Next    []string // successor step names, in the order written
	Foreach string   // the foreach variable, for KindForeach
	In      []string // predecessor step names, in step order
	Stack   []string // the foreach steps whose bodies the step runs in, outermost first
}

// IsJoin reports whether the step takes inputs (a join's signature).
func (s *Step) IsJoin() bool { return s.NumArgs == 2 }

// Transition is one `self.next(...)` (Python) or `f.Next(...)` (Go) call.
type Transition struct {
	Pos     diag.Pos
	Targets []Target
	Foreach string // the foreach= variable name, "" when none
	// ForeachPos is where foreach= is written.
	ForeachPos diag.Pos
	// Context is the control construct that encloses the call inside the step body: "" when the
	// call is a top-level statement, else "if", "for", "while", "try", "with", "match", "switch",
	// "select", "defer", "closure", "expression" (not a statement of its own).
	Context    string
	ContextPos diag.Pos
	// Condition is the condition= argument of Metaflow's switch form, or "<dict>" when the targets
	// are a dict; "" when the call is not a switch.
	Condition   string
	NumParallel bool // num_parallel= was given
	// NumParallelPos is where num_parallel= is written.
	NumParallelPos diag.Pos
	Problems       []Problem // invalid-transition and conditional-branching findings of the frontend
}

// Target is one step named in a transition.
type Target struct {
	Name string // "" when the argument is not a step reference
	Pos  diag.Pos
	// Expr describes an argument that is not `self.<name>`, such as "self.a if x else self.b".
	Expr string
}

// Problem is something the frontend found unfit, for a check to report under its own id.
type Problem struct {
	Check   diag.ID // the check id it belongs to, such as diag.ConditionalBranching
	Pos     diag.Pos
	Message string
	// Suggestion is how to fix it, kept apart from Message as diag.Diagnostic keeps it.
	Suggestion string
	Warning    bool // a warning rather than an error
}

// Decorator is a step or flow decorator, such as @retry(times=3), or a Go //flowc: directive.
type Decorator struct {
	Name string // "retry", "resources", ...
	Pos  diag.Pos
	Args []Arg // in the order written
}

// Arg returns the argument named name, or nil.
func (d *Decorator) Arg(name string) *Arg {
	for i := range d.Args {
		if d.Args[i].Name == name {
			return &d.Args[i]
		}
	}
	return nil
}

// Arg is one keyword argument of a decorator (positional ones have Name "").
type Arg struct {
	Name  string
	Value Value
	Pos   diag.Pos
}

// ValueKind says which field of a Value is set.
type ValueKind string

// Value kinds.
const (
	ValNone   ValueKind = "none"
	ValString ValueKind = "string"
	ValInt    ValueKind = "int"
	ValFloat  ValueKind = "float"
	ValBool   ValueKind = "bool"
	ValList   ValueKind = "list"
	ValDict   ValueKind = "dict"
	ValExpr   ValueKind = "expr" // not a literal: the source text is in Str
)

// Value is a literal from the source: a decorator argument or a parameter default.
type Value struct {
	Kind  ValueKind
	Str   string // string value; for ints and floats the literal as written; for expr the source
	Int   int64
	Float float64
	Bool  bool
	List  []Value
	Keys  []Value    // dict keys, in source order
	Elems []Value    // dict values, parallel to Keys
	Ref   *ConfigRef // for an expr that only reads a config value
}

// Step returns the step named name, or nil: the first one, when a flow defines it twice.
func (f *Flow) Step(name string) *Step {
	if s := f.byName[name]; s != nil && f.indexed == len(f.Steps) && s.Name == name {
		return s
	}
	for _, s := range f.Steps {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// IndexSteps makes Step a map lookup. The compile phase calls it last, when it has finished
// writing the flow; an index older than the step list is not used.
func (f *Flow) IndexSteps() {
	f.byName = make(map[string]*Step, len(f.Steps))
	for _, s := range f.Steps {
		if s != nil && f.byName[s.Name] == nil {
			f.byName[s.Name] = s
		}
	}
	f.indexed = len(f.Steps)
}

// Decorator returns the step's first decorator named name, or nil.
func (s *Step) Decorator(name string) *Decorator {
	for _, d := range s.Decorators {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// Decorator returns the flow's first decorator named name, or nil.
func (f *Flow) Decorator(name string) *Decorator {
	for _, d := range f.Decorators {
		if d.Name == name {
			return d
		}
	}
	return nil
}
