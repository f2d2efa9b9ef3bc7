package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/driver"
	"github.com/flowc-dev/flowc/internal/localrun"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// multiFlag collects a repeated flag such as --param.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runRun(e *env, args []string) int {
	fs := newFlagSet(e, "run", "[--param NAME=VALUE]... [--max-workers N] FLOW\n\nPython steps run with $FLOWC_PYTHON, else python3 from PATH.")
	var params multiFlag
	fs.Var(&params, "param", "a parameter value, NAME=VALUE (repeatable)")
	workers := fs.Int("max-workers", 4, "steps that may run at once")
	runs := fs.String("runs-dir", filepath.Join(".flowc", "runs"), "where runs keep their state and logs")
	verbose := fs.Bool("v", false, "say which flowc.yaml is used")
	flowName := fs.String("flow", "", "the flow to run, when the file defines several")
	var configs multiFlag
	fs.Var(&configs, "config", "a Config's value from a file, NAME=FILE (repeatable), over the flow's default")
	var proj projectFlags
	fs.StringVar(&proj.branch, "branch", "", "the @project branch: the run is on test.NAME (with --production, prod.NAME); default user.$USER")
	fs.BoolVar(&proj.production, "production", false, "run on the @project's production branch, prod")
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(paths) != 1 {
		return usageErr(e, "run needs exactly one flow file")
	}
	if err := proj.check(); err != nil {
		return usageErr(e, "%v", err)
	}
	if *workers < 1 {
		return usageErr(e, "--max-workers must be at least 1")
	}
	load, err := loadOptions(configs)
	if err != nil {
		return usageErr(e, "%v", err)
	}
	fl, values, ok := loadFlow(e, "run", paths[0], params, *flowName, load)
	if !ok {
		return exitFail
	}
	cfg, ok := loadConfig(e, paths, *verbose)
	if !ok {
		return exitFail
	}
	ctx, d := driver.BuildContext(fl, cfg)
	printDiags(e, "text", d)
	if d.HasErrors() {
		return exitFail
	}
	id := newRunID()
	dir, err := filepath.Abs(filepath.Join(*runs, id))
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(e.stdout, "run %s of %s: state and logs in %s\n", id, fl.IR.Name, filepath.Join(*runs, id))
	rec, err := beginRecord(dir, id, fl.IR, ctx.FlowFile, values)
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	rctx, stop := interruptible(e.ctx)
	defer stop()
	o := localrun.Options{
		Dir: dir, RunID: id, Context: ctx.Files, FlowFile: ctx.FlowFile, Params: values,
		MaxWorkers: *workers, Progress: e.stdout, Stdout: e.stdout, Stderr: e.stderr,
		Env: append(stepEnv(filepath.Dir(dir)), branchEnv(fl.IR, proj)...), Python: os.Getenv("FLOWC_PYTHON"), Events: rec.Event,
	}
	if fl.IR.Lang == ir.Python {
		o.SourceRoot = filepath.Dir(fl.Path) // the context mirrors the flow's directory
	}
	err = localrun.Run(rctx, fl.IR, o)
	endRecord(e, rec, dir, err)
	return runReport(e, id, err)
}

// runReport ends a run with one report: the failing step, the end of its stderr (the user's
// traceback), and a last line saying how the run ended. An interrupted run exits 128 plus the
// signal's number, as a shell reports it.
func runReport(e *env, id string, err error) int {
	var failure *localrun.Failure
	var in *localrun.Interrupt
	switch {
	case err == nil:
		fmt.Fprintf(e.stdout, "run %s succeeded\n", id)
		return exitOK
	case errors.As(err, &in):
		fmt.Fprintf(e.stderr, "run %s interrupted by %v\n", id, in.Signal)
		return 128 + int(in.Signal)
	case errors.As(err, &failure):
		log := failure.Stderr
		if wd, werr := os.Getwd(); werr == nil {
			if rel, rerr := filepath.Rel(wd, log); rerr == nil && filepath.IsLocal(rel) {
				log = rel
			}
		}
		fmt.Fprintf(e.stderr, "\nflowc: %v (its stderr: %s)\n", failure, log)
		if failure.Tail != "" {
			fmt.Fprint(e.stderr, failure.Tail)
			if !strings.HasSuffix(failure.Tail, "\n") {
				fmt.Fprintln(e.stderr)
			}
		}
	default:
		fmt.Fprintf(e.stderr, "flowc: run %s: %v\n", id, err)
	}
	fmt.Fprintf(e.stderr, "run %s failed\n", id)
	return exitFail
}

// interruptible is ctx, cancelled with a *localrun.Interrupt when flowc gets SIGINT or SIGTERM,
// so that the run forwards that signal to its steps and exits 130 or 143.
func interruptible(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			cancel(&localrun.Interrupt{Signal: s.(syscall.Signal)})
		case <-parent.Done(): // main's context ends on SIGINT only
			cancel(&localrun.Interrupt{Signal: syscall.SIGINT})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(nil)
	}
}

// newRunID names a run by its start time, with random bits so that two runs started in the same
// second do not share a directory.
func newRunID() string {
	var b [3]byte
	_, _ = rand.Read(b[:])
	return time.Now().UTC().Format("20060102-150405") + "-" + hex.EncodeToString(b[:])
}

// loadWithParams loads the one flow a command runs and checks its parameter values, printing
// what is wrong; ok is false when the command must stop.
func loadWithParams(e *env, cmd, path string, params []string) (*driver.Flow, map[string]string, bool) {
	return loadFlow(e, cmd, path, params, "", driver.LoadOptions{})
}

// loadFlow is loadWithParams with a flow chosen by name (or, without one, the one flow of the
// file, else the one its `if __name__ == "__main__":` block creates) and --config values.
func loadFlow(e *env, cmd, path string, params []string, name string, load driver.LoadOptions) (*driver.Flow, map[string]string, bool) {
	flows, diags := driver.LoadWith([]string{path}, load)
	printDiags(e, "text", diags)
	if diags.HasErrors() {
		return nil, nil, false
	}
	fl, err := pickFlow(flows, name)
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %s: %v\n", path, err)
		return nil, nil, false
	}
	values, errs := driver.Params(fl.IR, params)
	if cmd != "run" {
		errs = append(errs, podParamLimit(fl.IR, values)...)
	}
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
	}
	return fl, values, len(errs) == 0
}

// podParamLimit refuses values that cannot reach an Argo pod: they travel on its command line
// (PROTOCOL.md, --param), where Linux limits one argument. `flowc run` has no such limit.
func podParamLimit(f *ir.Flow, values map[string]string) []error {
	var errs []error
	for _, p := range f.Params {
		if n := len(values[p.Name]); n > stepcmd.MaxArgParam {
			errs = append(errs, fmt.Errorf("parameter %q is %d bytes; values reach Argo pods on the command line, "+
				"which takes at most %d bytes (64 KiB) per value", p.Name, n, stepcmd.MaxArgParam))
		}
	}
	return errs
}
