package flow_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/flow"
)

//flowc:flow
type linearFlow struct {
	flow.FlowSpec
	Greeting string
	Count    int
	scratch  string // unexported: does not travel
	Skipped  string `flow:"-"`
}

//flowc:step
func (f *linearFlow) Start() error {
	f.Greeting, f.Count, f.scratch, f.Skipped = "hello", 1, "x", "y"
	f.Next(f.MiddleStep)
	return nil
}

//flowc:step
func (f *linearFlow) MiddleStep() error {
	f.Greeting += " world"
	f.Count++
	if f.scratch != "" || f.Skipped != "" {
		return errors.New("unexported and flow:\"-\" fields must not travel")
	}
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *linearFlow) End() error { return nil }

func TestLinear(t *testing.T) {
	r := newStepRunner(t)
	r.run(new(linearFlow), "start", "--out", r.dir("start"), "--next", "middle_step")
	r.run(new(linearFlow), "middle_step", "--in", "start="+r.dir("start"), "--out", r.dir("middle_step"), "--next", "end")
	end := new(linearFlow)
	r.run(end, "end", "--in", "middle_step="+r.dir("middle_step"), "--out", r.dir("end"))
	if end.Greeting != "hello world" || end.Count != 2 {
		t.Errorf("end sees %q, %d; want %q, 2", end.Greeting, end.Count, "hello world")
	}
	if _, ok := r.state(r.dir("start"))["Skipped"]; ok {
		t.Errorf("a flow:\"-\" field was saved")
	}
}

func TestTransitionMismatch(t *testing.T) {
	r := newStepRunner(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"start", "--out", r.dir("a"), "--next", "end"}, "compiled flow goes to end"},
		{[]string{"start", "--out", r.dir("b")}, "compiled flow ends here"},
		{[]string{"middle_step", "--out", r.dir("c"), "--next", "end"}, ""}, // no --in: starts empty
		{[]string{"nope", "--out", r.dir("d")}, "no step \"nope\""},
		{[]string{"start", "--out", r.dir("e"), "--flow", "x.py", "--class", "X"}, "for the Python runtime"},
		{[]string{"start", "--out", r.dir("f"), "--bogus", "x"}, "unknown flag"},
		{[]string{"start"}, "--out DIR is required"},
	} {
		err := flow.RunStep(new(linearFlow), append([]string{"step"}, tc.args...))
		if tc.want == "" {
			if err != nil {
				t.Errorf("%v: %v", tc.args, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: got %v, want an error containing %q", tc.args, err, tc.want)
		}
	}
}

//flowc:flow
type failingFlow struct {
	flow.FlowSpec
	Mode    string `flow:"param=mode"`
	Failure *flow.Caught
}

//flowc:step
func (f *failingFlow) Start() error {
	switch f.Mode {
	case "error":
		return errors.New("the database is down")
	case "panic":
		var m map[string]int
		m["x"] = 1
	case "twice":
		f.Next(f.End)
	}
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *failingFlow) End() error {
	if f.Failure == nil {
		return errors.New("no failure was recorded")
	}
	return nil
}

func TestCatch(t *testing.T) {
	r := newStepRunner(t)
	t.Setenv(flow.CatchEnv, "var=Failure,print_exception=false")
	t.Setenv(flow.RetryTimesEnv, "2")
	t.Setenv("FLOWC_RETRY_COUNT", "1") // not the last attempt: the step fails
	r.fail(new(failingFlow), "start", "--out", r.dir("s"), "--param", "mode=panic", "--next", "end")
	t.Setenv("FLOWC_RETRY_COUNT", "2")
	r.run(new(failingFlow), "start", "--out", r.dir("s"), "--param", "mode=panic", "--next", "end")
	end := new(failingFlow)
	r.run(end, "end", "--in", "start="+r.dir("s"), "--out", r.dir("e"), "--param", "mode=x")
	if end.Failure.Type != "panic" || !strings.Contains(end.Failure.Message, "nil map") || end.Failure.Stack == "" {
		t.Errorf("caught %+v", end.Failure)
	}
	t.Setenv(flow.CatchEnv, "")
	r.run(new(failingFlow), "start", "--out", r.dir("t"), "--param", "mode=error", "--next", "end")
	if _, ok := r.state(r.dir("t"))["Failure"]; ok {
		t.Errorf("a catch without var stored the failure")
	}
}

func TestFailingStep(t *testing.T) {
	r := newStepRunner(t)
	err := r.fail(new(failingFlow), "start", "--out", r.dir("e"), "--param", "mode=error", "--next", "end")
	var se *flow.StepError
	if !errors.As(err, &se) || se.Step != "start" || !strings.Contains(err.Error(), "the database is down") {
		t.Errorf("error step: got %v", err)
	}
	err = r.fail(new(failingFlow), "start", "--out", r.dir("p"), "--param", "mode=panic", "--next", "end")
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "panic: assignment to entry in nil map") || se.Stack == "" {
		t.Errorf("panicking step: got %v", err)
	}
	err = r.fail(new(failingFlow), "start", "--out", r.dir("t"), "--param", "mode=twice", "--next", "end")
	if !strings.Contains(err.Error(), "called Next 2 times") {
		t.Errorf("Next twice: got %v", err)
	}
	err = r.fail(new(failingFlow), "start", "--out", r.dir("u"), "--param", "other=1", "--next", "end")
	if !strings.Contains(err.Error(), `unknown parameter "other"`) {
		t.Errorf("unknown parameter: got %v", err)
	}
}

func TestStepName(t *testing.T) {
	for in, want := range map[string]string{
		"Start": "start", "End": "end", "Transform": "transform", "SaveToDB": "save_to_db",
		"HTTPFetch": "http_fetch", "Shard2": "shard2", "ForeachSplitX": "foreach_split_x",
		"NotifyDataScienceTeam": "notify_data_science_team", "A": "a", "Left2A": "left2_a",
	} {
		if got := flow.StepName(in); got != want {
			t.Errorf("StepName(%q) = %q, want %q", in, got, want)
		}
	}
}

//flowc:flow
type currentFlow struct {
	flow.FlowSpec
	Seen flow.TaskInfo
}

//flowc:step
func (f *currentFlow) Start() error { f.Seen = flow.Current(); f.Next(f.End); return nil }

//flowc:step
func (f *currentFlow) End() error { return nil }

func TestCurrent(t *testing.T) {
	t.Setenv("FLOWC_RUN_ID", "run-7")
	t.Setenv("FLOWC_TASK_ID", "start")
	t.Setenv("FLOWC_RETRY_COUNT", "2")
	r := newStepRunner(t)
	f := new(currentFlow)
	r.run(f, "start", "--out", r.dir("start"), "--next", "end")
	want := flow.TaskInfo{RunID: "run-7", TaskID: "start", RetryCount: 2, Step: "start"}
	if f.Seen != want {
		t.Errorf("Current() in the step = %+v, want %+v", f.Seen, want)
	}
	if got := flow.Current().Step; got != "" {
		t.Errorf("Current().Step after the step = %q", got)
	}
}

// TestBlobs runs a large field through steps with a blob directory, as flowc run gives one: the
// field is stored once, and every step reads it back whole.
func TestBlobs(t *testing.T) {
	blobs := t.TempDir()
	t.Setenv("FLOWC_BLOB_DIR", blobs)
	dir := t.TempDir()
	out := func(s string) string { return filepath.Join(dir, s) }
	steps := [][]string{
		{"step", "start", "--out", out("start"), "--next", "middle"},
		{"step", "middle", "--in", "start=" + out("start"), "--out", out("middle"), "--next", "end"},
		{"step", "end", "--in", "middle=" + out("middle"), "--out", out("end")},
	}
	for _, args := range steps {
		if err := flow.RunStep(new(bigFlow), args); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(blobs, "sha256", "*"))
	if len(files) != 1 {
		t.Errorf("%d blobs, want the one field stored once: %v", len(files), files)
	}
	for _, s := range []string{"start", "middle", "end"} {
		if st, err := os.Stat(filepath.Join(out(s), flow.StateFile)); err != nil || st.Size() > 4096 {
			t.Errorf("%s's state holds the field itself (%v)", s, err)
		}
	}
}

type bigFlow struct {
	flow.FlowSpec
	Big   string
	Steps int
}

func (f *bigFlow) Start() error {
	f.Big = strings.Repeat("x", 1<<20)
	f.Next(f.Middle)
	return nil
}

func (f *bigFlow) Middle() error {
	f.Steps++
	f.Next(f.End)
	return nil
}

func (f *bigFlow) End() error {
	if len(f.Big) != 1<<20 || f.Steps != 1 {
		return fmt.Errorf("got %d bytes after %d steps", len(f.Big), f.Steps)
	}
	return nil
}
