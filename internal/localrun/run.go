// Package localrun runs a flow on the local machine, each step in its own process through the
// same command line the Argo pod runs (built by stepcmd), with state passed through directories
// laid out like the run's artifact keys. Parallel branches and foreach children run concurrently
// up to a worker limit. Each step runs in its own process group: @timeout, a failed run and an
// interrupt end the whole group, children included. The run's directory is laid out as
// stepcmd's PROTOCOL.md describes ("A local run's record").
package localrun

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/runrecord"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// Options say how to run a flow.
type Options struct {
	Dir        string            // the run's directory, .flowc/runs/<run-id>
	RunID      string            // the run's id, given to steps as FLOWC_RUN_ID
	Context    map[string][]byte // the build context, written to Dir/context and used as the working directory
	FlowFile   string            // the flow's file name in the context
	Params     map[string]string // every parameter's value, as a string
	MaxWorkers int
	Progress   io.Writer     // one line per step event
	Stdout     io.Writer     // the steps' stdout, line by line behind "[step/task] "; nil: logs only
	Stderr     io.Writer     // the steps' stderr, likewise
	Env        []string      // the steps' environment (the caller's, passed through)
	Python     string        // the interpreter of Python steps; "" means the entrypoint's (python3)
	Grace      time.Duration // how long a signalled step may take to exit; 0 means DefaultGrace
	// SourceRoot is the user's directory that the context mirrors (a Python flow's directory),
	// relative to the working directory: paths into the context in what steps print are shown
	// as paths into it, so that a traceback points at the user's files. "" keeps them.
	SourceRoot string
	// Events, when set, gets each task event (runrecord.Event's kinds: started, retry, done,
	// caught, failed, interrupted), for the run's record.
	Events func(step string, idx []int, event string)
}

// Failure is a step that failed: the run stops, and the caller shows its stderr.
type Failure struct {
	Task     string // step and index path, such as "body[1]"
	Stderr   string // the step's log file
	Tail     string // the end of the last attempt's stderr
	Attempts int
	Err      error
}

func (f *Failure) Error() string {
	if f.Attempts > 1 {
		return fmt.Sprintf("step %s failed after %d attempts: %v", f.Task, f.Attempts, f.Err)
	}
	return fmt.Sprintf("step %s failed: %v", f.Task, f.Err)
}

// task is one execution of a step: the step and the indexes of the foreach bodies it runs in.
type task struct {
	step *ir.Step
	idx  []int
}

// id is the task's FLOWC_TASK_ID in a local run: its foreach indexes joined by "-", "0" outside
// a foreach, unique among the tasks of its step.
func (t task) id() string { return runrecord.TaskID(t.idx) }

func (t task) label() string {
	if len(t.idx) == 0 {
		return t.step.Name
	}
	parts := make([]string, len(t.idx))
	for i, x := range t.idx {
		parts[i] = strconv.Itoa(x)
	}
	return t.step.Name + "[" + strings.Join(parts, ",") + "]"
}

type result struct {
	t   task
	err error
}

// runner holds one run's state; only the scheduling loop in Run touches the maps.
type runner struct {
	f       *ir.Flow
	o       Options
	shapes  map[string]stepcmd.Shape
	arrived map[string]int // join key -> parents (or foreach children) finished
	fanout  map[string]int // foreach step + index prefix -> number of children
	start   time.Time
	console console // serialises the lines of progress and of the steps' output
	// program replaces the entrypoint's first word: the Python interpreter itself, or the Go
	// flow's binary built from the context.
	program string
	// bigParams are the parameters whose values go in the params file.
	bigParams map[string]bool
	rewrite   *strings.Replacer // context paths -> the user's paths; nil: none
}

// Run executes the flow to its end, or until a step fails or ctx is cancelled.
func Run(ctx context.Context, f *ir.Flow, o Options) error {
	if o.MaxWorkers < 1 {
		o.MaxWorkers = 1
	}
	r := &runner{f: f, o: o, shapes: map[string]stepcmd.Shape{},
		arrived: map[string]int{}, fanout: map[string]int{}, start: time.Now()}
	for _, s := range f.Steps {
		r.shapes[s.Name] = stepcmd.ShapeOf(f, s)
	}
	ctxDir := filepath.Join(o.Dir, "context")
	if err := writeContext(ctxDir, o.Context); err != nil {
		return err
	}
	if err := r.writeParamsFile(); err != nil {
		return err
	}
	if o.SourceRoot != "" {
		to := filepath.Clean(o.SourceRoot) + string(filepath.Separator)
		if to == "."+string(filepath.Separator) {
			to = ""
		}
		r.rewrite = strings.NewReplacer(ctxDir+string(filepath.Separator), to)
	}
	switch f.Lang {
	case ir.Python:
		r.program = findInterpreter(ctx, o.Python)
	case ir.Go:
		bin, err := buildGo(ctx, o.Dir, o.FlowFile)
		if err != nil && ctx.Err() != nil {
			err = context.Cause(ctx) // interrupted while building: not a build error
		}
		if err != nil {
			return err
		}
		r.program = bin
	}
	return r.schedule(ctx)
}

// schedule runs the tasks as they become ready.
func (r *runner) schedule(parent context.Context) error {
	f, o := r.f, r.o
	ctx, cancel := context.WithCancelCause(parent)
	defer cancel(nil)
	results := make(chan result)
	sem := make(chan struct{}, o.MaxWorkers)
	running := 0
	launch := func(t task) {
		running++
		go func() {
			sem <- struct{}{}
			err := r.exec(ctx, t)
			<-sem
			results <- result{t, err}
		}()
	}
	launch(task{step: f.Step(f.StartName())})
	var failed error
	for running > 0 {
		res := <-results
		running--
		if failed != nil {
			continue
		}
		if res.err != nil {
			failed = res.err
			cancel(res.err) // stop the steps still running; their results are drained above
			continue
		}
		next, err := r.successors(res.t)
		if err != nil {
			failed = err
			cancel(err)
			continue
		}
		for _, t := range next {
			launch(t)
		}
	}
	if failed == nil && parent.Err() != nil {
		return context.Cause(parent)
	}
	if failed != nil && parent.Err() != nil {
		return context.Cause(parent) // an interrupt, not the steps it stopped
	}
	return failed
}

// successors lists the tasks that become ready when t has finished.
func (r *runner) successors(t task) ([]task, error) {
	s := t.step
	if s.Foreach != "" {
		n, err := r.foreachCount(t)
		if err != nil {
			return nil, err
		}
		r.fanout[key(s.Name, t.idx)] = n
		var out []task
		for i := 0; i < n; i++ {
			out = append(out, task{step: r.f.Step(s.Next[0]), idx: append(append([]int(nil), t.idx...), i)})
		}
		return out, nil
	}
	var out []task
	for _, n := range s.Next {
		c := r.f.Step(n)
		if !c.IsJoin() {
			out = append(out, task{step: c, idx: t.idx})
			continue
		}
		depth := len(c.Stack)
		jk := key(c.Name, t.idx[:depth])
		r.arrived[jk]++
		if r.arrived[jk] == r.expected(c, t.idx[:depth]) {
			out = append(out, task{step: c, idx: t.idx[:depth]})
		}
	}
	return out, nil
}

// expected is how many finished parents a join waits for: one per branch of a static split, or
// every child of the foreach it closes.
func (r *runner) expected(join *ir.Step, idx []int) int {
	sh := r.shapes[join.Name]
	if len(sh.Inputs) == 1 && sh.Inputs[0].Foreach {
		parent := sh.Inputs[0].Parent
		foreach := r.f.Step(parent).Stack[len(idx)]
		return r.fanout[key(foreach, idx)]
	}
	return len(join.In)
}

// foreachCount reads the foreach list a foreach step wrote.
func (r *runner) foreachCount(t task) (int, error) {
	data, err := os.ReadFile(filepath.Join(r.outDir(t), "foreach.json"))
	if err != nil {
		return 0, &Failure{Task: t.label(), Err: fmt.Errorf("no foreach list: %v", err)}
	}
	var list []json.RawMessage
	if err := json.Unmarshal(data, &list); err != nil {
		return 0, &Failure{Task: t.label(), Err: fmt.Errorf("bad foreach list: %v", err)}
	}
	return len(list), nil
}

func key(step string, idx []int) string { return fmt.Sprint(step, idx) }
