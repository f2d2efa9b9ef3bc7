package diag

// ID is a stable check id, the word in brackets at the end of a diagnostic: what users grep for,
// what `# want` comments name, what --format json reports. IDs exist only as the variables below:
// the field is unexported, so a producer cannot make up an id this registry does not list, and
// the README's list is checked against Registry by a test.
type ID struct{ name string }

// String is the id as printed, such as "cycle".
func (id ID) String() string { return id.name }

// IsZero reports whether id is the zero ID, which no diagnostic carries.
func (id ID) IsZero() bool { return id.name == "" }

// MarshalText writes the id as its name, so that JSON shows "cycle", not an object.
func (id ID) MarshalText() ([]byte, error) { return []byte(id.name), nil }

// Lookup finds the registered id named name.
func Lookup(name string) (ID, bool) {
	for _, e := range Registry {
		if e.ID.name == name {
			return e.ID, true
		}
	}
	return ID{}, false
}

// Entry is one registered id and its one-line description, as the README lists it.
type Entry struct {
	ID  ID
	Doc string
}

// The ids, grouped by the stage that reports them. Keep Registry and the README's list in step.
var (
	// Frontends and loading.
	Read          = ID{"read"}
	NoFlow        = ID{"no-flow"}
	Syntax        = ID{"syntax"}
	Load          = ID{"load"}
	TypeCheck     = ID{"type-check"}
	StepSignature = ID{"step-signature"}
	Import        = ID{"import"}
	UserCode      = ID{"user-code"}
	Config        = ID{"config"}

	// The flow's shape.
	ReservedWord         = ID{"reserved-word"}
	NoStart              = ID{"no-start"}
	NoEnd                = ID{"no-end"}
	StartIncoming        = ID{"start-incoming"}
	EndOutgoing          = ID{"end-outgoing"}
	EndIsJoin            = ID{"end-is-join"}
	StepName             = ID{"step-name"}
	NumArgs              = ID{"num-args"}
	MissingNext          = ID{"missing-next"}
	InvalidTransition    = ID{"invalid-transition"}
	ConditionalBranching = ID{"conditional-branching"}
	UnknownStep          = ID{"unknown-step"}
	Cycle                = ID{"cycle"}
	Unreachable          = ID{"unreachable"}
	UnjoinedSplit        = ID{"unjoined-split"}
	JoinArity            = ID{"join-arity"}
	JoinWithoutSplit     = ID{"join-without-split"}
	CrossJoin            = ID{"cross-join"}
	EmptyForeach         = ID{"empty-foreach"}

	// Values the backends write.
	Parameter      = ID{"parameter"}
	Decorator      = ID{"decorator"}
	Name           = ID{"name"}
	TemplateSyntax = ID{"template-syntax"}
	Requirements   = ID{"requirements"}
	Build          = ID{"build"}
	ManifestSize   = ID{"manifest-size"}
	Internal       = ID{"internal"}
)

// Registry is every id flowc reports, each with what it is about, in the README's order.
var Registry = []Entry{
	{Read, "a file or directory named on the command line cannot be read"},
	{NoFlow, "a source holds no flow, or something that looks like a flow is not one"},
	{Syntax, "the source does not parse"},
	{Load, "the go command cannot load a Go flow's package"},
	{TypeCheck, "a Go flow's package does not type-check"},
	{StepSignature, "a Go step method's receiver, results or join parameter type are wrong"},
	{Import, "a name imported from metaflow that flowc's runtime does not provide"},
	{UserCode, "something only running user code could decide, such as a mutator or a computed Config"},
	{Config, "a Config, --config value or flowc.yaml setting that cannot be resolved or is invalid"},
	{ReservedWord, "a step named like an attribute every step sees on self"},
	{NoStart, "no start step, or more than one"},
	{NoEnd, "no end step, or more than one"},
	{StartIncoming, "a transition into start"},
	{EndOutgoing, "a transition out of end"},
	{EndIsJoin, "an end step declared as a join"},
	{StepName, "a step name that is not lowercase letters, digits and underscores, or is defined twice"},
	{NumArgs, "a step taking the wrong number of arguments for its place in the flow"},
	{MissingNext, "a step other than end without a transition"},
	{InvalidTransition, "a malformed transition call"},
	{ConditionalBranching, "a transition under a control construct, or a target chosen at run time"},
	{UnknownStep, "a transition to a step the flow does not have"},
	{Cycle, "a loop of transitions"},
	{Unreachable, "a step no chain of transitions from start leads to"},
	{UnjoinedSplit, "a branch of a split or foreach that reaches end without a join"},
	{JoinArity, "a join whose inputs are not the branches of one split, or a merge that is no join"},
	{JoinWithoutSplit, "a join outside any split"},
	{CrossJoin, "a join of branches of different splits"},
	{EmptyForeach, "a foreach whose body is its join"},
	{Parameter, "a Parameter or IncludeFile that cannot be passed to the workflow as written"},
	{Decorator, "a decorator or directive that is unknown, ignored, misplaced or has a bad value"},
	{Name, "a name Kubernetes or Argo would refuse, or two flows or steps that map to one name"},
	{TemplateSyntax, "\"{{\" in a string that reaches the manifests, where Argo would substitute it"},
	{Requirements, "a @pypi or @conda package spec pip cannot install as written"},
	{Build, "a flow whose build context or image cannot be made"},
	{ManifestSize, "a manifest too large for Kubernetes to store or for Argo to run"},
	{Internal, "a bug in flowc rather than in the flow"},
}
