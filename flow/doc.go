// Package flow is flowc's Go SDK: write a flow as an ordinary Go package, and flowc compiles it
// into Argo Workflows manifests and a container build spec, or runs it locally with `flowc run`.
// The package depends on the standard library only.
//
// # A flow
//
// A flow is a struct type marked //flowc:flow that embeds FlowSpec. Its exported fields are the
// state that travels from step to step (as JSON: give them JSON-able types); fields tagged
// `flow:"param=..."` are parameters instead; unexported fields and fields tagged `flow:"-"` do
// not travel. Its steps are pointer-receiver methods marked //flowc:step:
//
//	//flowc:flow
//	type DataProcess struct {
//		flow.FlowSpec
//		DataSource string   `flow:"param=datasource_path,required" help:"where the data is"`
//		NewData    []Record // travels to the steps after the one that sets it
//	}
//
//	//flowc:step
//	func (f *DataProcess) Start() error { ...; f.Next(f.Transform); return nil }
//
//	//flowc:step
//	func (f *DataProcess) Join(in flow.Inputs[*DataProcess]) error { f.Next(f.End); return nil }
//
//	//flowc:step
//	func (f *DataProcess) End() error { return nil }
//
//	func main() { flow.Main(new(DataProcess)) }
//
// A step is func() error; a join takes its inputs, func(flow.Inputs[*T]) error. Every step but
// End calls Next exactly once, as its last statement (a final return may follow), never under
// if, for, switch, select, defer, go or in a closure: flowc reads the graph from the source
// without running it, and reports anything else as conditional branching.
//
// # Step names
//
// A step's name is its method name in snake_case (see StepName): Start and End are "start" and
// "end", SaveToDB is "save_to_db". Diagnostics, graphs, manifests, the step command line and
// Inputs.Get all use these names. A flow must have Start and End.
//
// # Transitions
//
//	f.Next(f.A)                         // linear
//	f.Next(f.A, f.B)                    // split: A and B run in parallel, a join follows
//	f.Next(f.Body, flow.Foreach("Xs"))  // foreach: Body runs once per element of field Xs
//
// In a foreach body, Index is the child's index and Input (or the typed Input[T]) its element.
// Nested foreach bodies see their innermost level; ForeachStack lists them all.
//
// # Joins
//
// A join's Inputs iterate in a stable order: a split's branches in the order Next named them,
// a foreach's children by index. Inputs.Get("save_to_db") is the input from one branch.
// MergeArtifacts copies the fields all inputs agree on and reports the ones they do not.
//
// # Parameters
//
// A field tagged `flow:"param=NAME[,required][,default=VALUE]"` is the parameter NAME, set on
// every step from its command line (given as `flowc run --param NAME=VALUE`; see ParamTag). Its
// type is its kind: string (str); int, int64 and the other integers (int); float64, float32
// (float); bool (bool, accepting true/false, 1/0, yes/no, on/off); any other JSON-able type is
// JSON. A `help:"..."` tag is the parameter's description.
//
// # Directives
//
// Metaflow's decorators are comment directives before the method (steps) or the type (flows):
//
//	//flowc:retry times=3 minutes_between_retries=1
//	//flowc:resources cpu=2 memory=4Gi gpu=1
//	//flowc:timeout seconds=60
//	//flowc:catch var=failure
//	//flowc:environment vars={DATA_DB=/data/db.jsonl, MODE="fast and safe"}
//	//flowc:kubernetes image=python:3.12 node_selector={disk=ssd} secrets=[db-creds]
//	//flowc:schedule cron="0 * * * *" timezone=UTC  // on the flow type
//	//flowc:project name=sales                      // on the flow type
//
// A step still running at its //flowc:timeout fails with a *TimeoutError, which //flowc:retry
// and //flowc:catch handle like any other error; Go cannot stop the step's goroutine, so the
// process goes on without it (under //flowc:catch, from the step's inputs) and exits.
//
// Directives go in the doc comment right above the declaration, with //flowc:flow or
// //flowc:step, and no blank line in between: flowc warns about a directive it finds elsewhere.
//
// Each argument is key=value, separated by spaces. A value is an integer, a float, true or
// false, a quoted Go string, a list [v, v] or a map {key=v, key=v}; any other word is a string
// (at the top level it runs to the next space, inside [ ] and { } also to a comma or a closing
// bracket). A "//" where an argument would start begins a comment. The directives, their
// arguments and their meanings are Metaflow's decorators', and flowc checks them.
//
// # The step command line
//
// The flow's binary runs one step per process. flowc builds its command line for the Argo pod
// and for `flowc run` alike:
//
//	step [--in-dir DIR] --out DIR [--param NAME=BASE64]... NAME
//	     [--in PARENT[=DIR]]... [--in-foreach PARENT[=DIR]] [--index N] [--next A,B] [--foreach FIELD]
//
// The part before NAME is the same for every step (a pod's container command, from the
// workflow's templateDefaults); NAME and the flags may come in any order.
//
// The step reads its parents' DIR/state.json (a foreach join reads DIR/0, DIR/1, ... of the
// last step of the body), runs, checks that it called Next with the compiled targets (--next,
// in snake_case, and --foreach, the Go field name), and writes OUT/state.json: the JSON of its
// state fields and its foreach stack. A foreach step also writes OUT/foreach.json, the child
// indexes [0,1,...,n-1] that Argo fans out over. Parameter values are base64-encoded (see
// ParamArg), so that no "{{" in a value meets Argo's template substitution. A step that returns
// an error or panics prints it on stderr and exits with status 1. FLOWC_RUN_ID, FLOWC_TASK_ID
// and FLOWC_RETRY_COUNT are read by Current.
//
// Under //flowc:catch var=Failure (a field of type Caught or *Caught), a step that fails on its
// last attempt (see //flowc:retry) exits with status 0 instead: its inputs' state passes on with
// the failure in Failure, and the compiled transition is taken. The binary cannot read its
// directives, so flowc gives them to the step in the environment: FLOWC_CATCH (CatchEnv) and
// FLOWC_RETRY_TIMES (RetryTimesEnv).
//
// RunStep runs one step in the calling process with the same arguments, for tests.
package flow
