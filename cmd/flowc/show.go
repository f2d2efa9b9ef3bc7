package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"text/tabwriter"

	"github.com/flowc-dev/flowc/internal/runrecord"
	pyruntime "github.com/flowc-dev/flowc/internal/runtime/python"
)

func runShow(e *env, args []string) int {
	fs := newFlagSet(e, "show", "RUN [STEP [ARTIFACT]] [-o table|json|yaml]")
	runsDir := fs.String("runs-dir", defaultRunsDir, "where runs keep their records: a directory, or s3://BUCKET[/PREFIX] for the cluster's runs")
	out := outputFlag(fs)
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) < 1 || len(pos) > 3 {
		return usageErr(e, "show needs a run id, and optionally a step and an artifact: flowc show RUN [STEP [ARTIFACT]]")
	}
	if !validOutput(*out) {
		return usageErr(e, "-o must be table, json or yaml, not %q", *out)
	}
	r, err := findRun(e, *runsDir, pos[0])
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	if len(pos) == 1 {
		return showRun(e, r, *out)
	}
	tasks, err := pickTasks(r, pos[1], "")
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	if code, done := showGoFields(e, r, tasks, pos[2:], *out); done {
		return code
	}
	return showArtifacts(e, r, *runsDir, pos[1:], *out)
}

// showRun prints a run and what each of its steps did.
func showRun(e *env, r *runrecord.Record, format string) int {
	if format != "table" {
		return printObject(e, format, struct {
			runrecord.Run
			Summary []runrecord.StepSummary `json:"summary"`
			Tasks   []*runrecord.Task       `json:"tasks"`
		}{r.Run, r.Summary(), r.Tasks})
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "run:\t%s\nflow:\t%s\nstatus:\t%s\nstarted:\t%s\ntime:\t%s\n", r.ID, r.Flow, r.Status, r.Started.Local().Format("2006-01-02 15:04:05"), runTime(r))
	for _, k := range sortedKeys(r.Params) {
		fmt.Fprintf(tw, "param %s:\t%s\n", k, r.Params[k])
	}
	tw.Flush()
	fmt.Fprintln(e.stdout)
	_ = r.WriteTable(e.stdout)
	return exitOK
}

// showArtifacts prints a step's artifacts through the Python client, the one reader of pickled
// state: the runtime's files from this binary first on the path, then the run's build context,
// where the classes of pickled objects live.
func showArtifacts(e *env, r *runrecord.Record, runsDir string, what []string, format string) int {
	tmp, err := os.MkdirTemp("", "flowc-show-")
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	defer os.RemoveAll(tmp)
	for p, data := range pyruntime.Files() {
		dst := filepath.Join(tmp, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err == nil {
			err = os.WriteFile(dst, data, 0o644)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "flowc: %v\n", err)
			return exitFail
		}
	}
	python := os.Getenv("FLOWC_PYTHON")
	if python == "" {
		python = "python3"
	}
	args := []string{"-m", "flowc_runtime.client", "show"}
	if format != "table" {
		args = append(args, "--json")
	}
	// After "--" every word is a value: a run directory or an artifact name that starts with
	// "-" never becomes an option of the client.
	path := tmp + string(os.PathListSeparator) + filepath.Join(r.Dir, "context")
	if r.Location != "" {
		// A cluster run: the client reads the repository itself; its build context is the
		// image's, so artifacts of the flow's own classes do not unpickle here.
		runsDir, path = r.Location, tmp
	}
	args = append(append(args, "--", runsDir, r.ID), what...)
	cmd := exec.CommandContext(e.ctx, python, args...)
	cmd.Env = append(os.Environ(), "PYTHONPATH="+path)
	cmd.Stderr = e.stderr
	data, err := cmd.Output()
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		return exitFail // the client said why on stderr
	case err != nil:
		fmt.Fprintf(e.stderr, "flowc: reading artifacts needs Python ($FLOWC_PYTHON, else python3 on PATH): %v\n", err)
		return exitFail
	}
	if format == "yaml" {
		return printObject(e, "yaml", rawJSON(data))
	}
	e.stdout.Write(data)
	return exitOK
}

// rawJSON is JSON that printObject re-encodes as it is.
type rawJSON []byte

func (r rawJSON) MarshalJSON() ([]byte, error) { return r, nil }

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// showGoFields shows the state of a Go flow's tasks, which is JSON, without Python; done is
// false for a Python flow's pickled state.
func showGoFields(e *env, r *runrecord.Record, tasks []*runrecord.Task, artifact []string, format string) (code int, done bool) {
	values := map[string]any{}
	for _, t := range tasks {
		fields, ok, err := r.GoFields(t)
		switch {
		case err != nil:
			fmt.Fprintf(e.stderr, "flowc: %v\n", err)
			return exitFail, true
		case !ok:
			return 0, false
		case len(artifact) == 0:
			values[t.ID] = fields
			continue
		}
		v, ok := fields[artifact[0]]
		if !ok {
			fmt.Fprintf(e.stderr, "flowc: task %s/%s has no field %q\n", t.Step, t.ID, artifact[0])
			return exitFail, true
		}
		values[t.ID] = v
	}
	var out any = values
	if len(tasks) == 1 {
		out = values[tasks[0].ID] // one task: its value, not a map of one
	}
	if format == "table" {
		format = "json"
	}
	return printObject(e, format, out), true
}
