package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/runrecord"
)

// defaultRunsDir is where flowc run keeps runs, relative to the working directory.
var defaultRunsDir = filepath.Join(".flowc", "runs")

// beginRecord writes run.json of a starting local run, its steps in the graph's order.
func beginRecord(dir, id string, f *ir.Flow, flowFile string, params map[string]string) (*runrecord.Recorder, error) {
	steps := make([]string, len(f.Order))
	for i, s := range f.Order {
		steps[i] = s.Name
	}
	return runrecord.Begin(dir, runrecord.Run{ID: id, Flow: f.Name, FlowFile: flowFile, Params: params, Steps: steps})
}

// endRecord writes the run's outcome and prints the summary table of its steps.
func endRecord(e *env, rec *runrecord.Recorder, dir string, runErr error) {
	if err := rec.End(runErr); err != nil {
		fmt.Fprintf(e.stderr, "flowc: cannot write the run's record: %v\n", err)
		return
	}
	r, err := runrecord.Load(dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: cannot read the run's record: %v\n", err)
		return
	}
	fmt.Fprintln(e.stdout)
	_ = r.WriteTable(e.stdout)
}

// stepEnv is the steps' environment: flowc's, with FLOWC_RUNS_DIR naming the runs directory
// this run is kept in, so that the client API in a step reads the runs next to its own (unless
// the user points it elsewhere).
func stepEnv(runsDir string) []string {
	env := os.Environ()
	if os.Getenv("FLOWC_RUNS_DIR") == "" {
		env = append(env, "FLOWC_RUNS_DIR="+runsDir)
	}
	return env
}

func runRuns(e *env, args []string) int {
	if len(args) > 0 && args[0] == "prune" {
		return runRunsPrune(e, args[1:])
	}
	fs := newFlagSet(e, "runs", "[--flow NAME] [-o table|json|yaml]")
	runsDir := fs.String("runs-dir", defaultRunsDir, "where runs keep their records: a directory, or s3://BUCKET[/PREFIX] for the cluster's runs")
	flowName := fs.String("flow", "", "only the runs of this flow")
	out := outputFlag(fs)
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 0 {
		return usageErr(e, "runs takes no arguments")
	}
	if !validOutput(*out) {
		return usageErr(e, "-o must be table, json or yaml, not %q", *out)
	}
	runs, err := listRuns(e, *runsDir)
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	var shown []*runrecord.Record
	for _, r := range runs {
		if *flowName == "" || r.Flow == *flowName {
			shown = append(shown, r)
		}
	}
	if *out != "table" {
		list := make([]runrecord.Run, len(shown))
		for i, r := range shown {
			list[i] = r.Run
		}
		return printObject(e, *out, list)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RUN\tFLOW\tSTATUS\tSTARTED\tTIME")
	for _, r := range shown {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Flow, r.Status, r.Started.Local().Format(time.DateTime), runTime(r))
	}
	tw.Flush()
	return exitOK
}

// runTime is how long a finished run took, "-" while it runs.
func runTime(r *runrecord.Record) string {
	if r.Finished == nil {
		return "-"
	}
	return runrecord.FormatDuration(r.Finished.Sub(r.Started), 1)
}

// runLogs prints the step logs of a local run or, when no local run has that name, of a cluster
// workflow (the name flowc submit printed).
func runLogs(e *env, args []string) int {
	runsDir, ref := defaultRunsDir, ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case !strings.HasPrefix(a, "-"):
			if ref == "" {
				ref = a
			}
		case logValueFlags[name] && !hasValue && i+1 < len(args):
			i++
			value = args[i]
			fallthrough
		case name == "runs-dir":
			if name == "runs-dir" {
				runsDir = value
			}
		}
	}
	if ref == "" {
		return usageErr(e, "logs needs a local run id and a step (flowc logs RUN STEP), or a workflow's name (flowc logs WORKFLOW [STEP])")
	}
	if _, err := runrecord.Find(runsDir, ref); errors.Is(err, runrecord.ErrNoRun) && !localRunsOnly(runsDir) {
		return runClusterLogs(e, args)
	}
	return runLocalLogs(e, args)
}

// localRunsOnly says whether a missing run is a local run's name: when there is no cluster
// configured (no KUBECONFIG and no ~/.kube/config) but there is a runs directory.
func localRunsOnly(runsDir string) bool {
	if os.Getenv("KUBECONFIG") != "" {
		return false
	}
	if home, err := os.UserHomeDir(); err == nil {
		if _, err := os.Stat(filepath.Join(home, ".kube", "config")); err == nil {
			return false
		}
	}
	_, err := os.Stat(runsDir)
	return err == nil
}

// logValueFlags are the flags of both kinds of logs that take a value.
var logValueFlags = map[string]bool{"runs-dir": true, "task": true, "n": true, "namespace": true, "context": true, "kubeconfig": true, "tail": true}

func runLocalLogs(e *env, args []string) int {
	fs := newFlagSet(e, "logs", "RUN STEP [--task ID] [--stderr]\n       flowc logs WORKFLOW [STEP] [-n NS] [--tail N]   (a cluster workflow)")
	runsDir := fs.String("runs-dir", defaultRunsDir, "where local runs keep their records")
	taskID := fs.String("task", "", "the task of a foreach step (its indexes joined by -, such as 2 or 1-0); default: every task")
	stderrOnly := fs.Bool("stderr", false, "print the tasks' stderr instead of their stdout")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		return usageErr(e, "logs needs a run id and a step: flowc logs RUN STEP")
	}
	// A local run first; a cluster run's logs (errors.Is(err, runrecord.ErrNoRun)) can be
	// looked up here by the same reference, the workflow's name.
	r, err := runrecord.Find(*runsDir, pos[0])
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	tasks, err := pickTasks(r, pos[1], *taskID)
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	ext := ".out"
	if *stderrOnly {
		ext = ".err"
	}
	for _, t := range tasks {
		data, err := os.ReadFile(runrecord.LogBase(r.Dir, t.Step, t.Index) + ext)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(e.stderr, "flowc: %v\n", err)
			return exitFail
		}
		if len(tasks) > 1 {
			fmt.Fprintf(e.stdout, "==> %s/%s <==\n", t.Step, t.ID)
		}
		e.stdout.Write(data)
	}
	return exitOK
}

// pickTasks finds a step's tasks in a run, or the one task id names.
func pickTasks(r *runrecord.Record, step, id string) ([]*runrecord.Task, error) {
	tasks := r.StepTasks(step)
	if len(tasks) == 0 {
		return nil, fmt.Errorf("run %s has no task of step %q; its steps: %v", r.ID, step, r.StepNames())
	}
	if id == "" {
		return tasks, nil
	}
	for _, t := range tasks {
		if t.ID == id {
			return []*runrecord.Task{t}, nil
		}
	}
	return nil, fmt.Errorf("step %q of run %s has no task %q", step, r.ID, id)
}
