package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/flowc-dev/flowc/internal/config"
	"github.com/flowc-dev/flowc/internal/driver"
	"github.com/flowc-dev/flowc/internal/localrun"
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
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(paths) != 1 {
		return usageErr(e, "run needs exactly one flow file")
	}
	if *workers < 1 {
		return usageErr(e, "--max-workers must be at least 1")
	}
	fl, values, ok := loadWithParams(e, "run", paths[0], params)
	if !ok {
		return exitFail
	}
	cfg, err := config.Find(".")
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
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
	err = localrun.Run(e.ctx, fl.IR, localrun.Options{
		Dir: dir, RunID: id, Context: ctx.Files, FlowFile: ctx.FlowFile, Params: values,
		MaxWorkers: *workers, Progress: e.stdout, Env: stepEnv(filepath.Dir(dir)), Python: os.Getenv("FLOWC_PYTHON"),
		Events: rec.Event,
	})
	endRecord(e, rec, dir, err)
	var failure *localrun.Failure
	switch {
	case errors.As(err, &failure):
		fmt.Fprintf(e.stderr, "flowc: %v\n", failure)
		if failure.Stderr != "" {
			if log, rerr := os.ReadFile(failure.Stderr); rerr == nil {
				e.stderr.Write(log)
			}
		}
		return exitFail
	case err != nil:
		fmt.Fprintf(e.stderr, "flowc: run %s: %v\n", id, err)
		return exitFail
	}
	fmt.Fprintf(e.stdout, "run %s succeeded\n", id)
	return exitOK
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
	flows, diags := driver.Load([]string{path})
	printDiags(e, "text", diags)
	if diags.HasErrors() {
		return nil, nil, false
	}
	if len(flows) != 1 {
		fmt.Fprintf(e.stderr, "flowc: %s defines %d flows; %s needs a file with one\n", path, len(flows), cmd)
		return nil, nil, false
	}
	values, errs := driver.Params(flows[0].IR, params)
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
	}
	return flows[0], values, len(errs) == 0
}
