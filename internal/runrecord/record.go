// Package runrecord owns the record a local run keeps under .flowc/runs/<run-id>/: what flowc
// writes besides the steps' own state and logs (run.json, events.jsonl), and the one Go reader
// of a whole record that `flowc runs`, `flowc show`, `flowc logs`, `flowc graph --run` and the
// summary at the end of `flowc run` share. The Python client API (flowc_runtime/client.py)
// reads the same files; a change of layout is made here and there, nowhere else. A run on the
// cluster is read from the artifact repository's keys instead (Bucket, bucket.go; in Python,
// s3store.py).
//
// Layout of a run directory:
//
//	run.json                  the run: flow, id, user, status, start and end, parameters, steps
//	events.jsonl              one line per task event: started, retry, done, caught, failed, interrupted
//	context/                  the build context the steps ran from
//	state/<step>/<i>/<j>/...  each task's state (state.pkl or state.json), foreach indexes as dirs
//	logs/<step>/<task>.out    each task's stdout; .err its stderr; .cmd its command line (TaskID)
package runrecord

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Run statuses in run.json.
const (
	Running   = "running"
	Succeeded = "succeeded"
	Failed    = "failed"
)

// Task states, derived from the events.
const (
	TaskRunning   = "running"
	TaskSucceeded = "succeeded"
	TaskFailed    = "failed"
	TaskCaught    = "caught" // failed under @catch; the flow went on
	TaskStopped   = "interrupted"
)

// Run is run.json.
type Run struct {
	ID       string            `json:"id"`
	Flow     string            `json:"flow"`
	FlowFile string            `json:"flow_file"` // in context/
	User     string            `json:"user,omitempty"`
	Status   string            `json:"status"`
	Started  time.Time         `json:"started"`
	Finished *time.Time        `json:"finished,omitempty"`
	Params   map[string]string `json:"params,omitempty"`
	Steps    []string          `json:"steps"` // in the flow's order
	Error    string            `json:"error,omitempty"`
}

// Event is one line of events.jsonl.
type Event struct {
	Step  string    `json:"step"`
	Index []int     `json:"index,omitempty"`
	Event string    `json:"event"` // started, retry, done, caught, failed, interrupted
	At    time.Time `json:"at"`
}

// Recorder writes a run's record as the run goes; its methods are safe for concurrent use.
type Recorder struct {
	dir string
	mu  sync.Mutex
	run Run
}

// Begin writes run.json of a starting run into dir.
func Begin(dir string, r Run) (*Recorder, error) {
	if r.User == "" {
		r.User = os.Getenv("USER")
	}
	r.Status = Running
	if r.Started.IsZero() {
		r.Started = time.Now().UTC()
	}
	rec := &Recorder{dir: dir, run: r}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return rec, rec.writeRun()
}

// Event records a task event as localrun reports it: started, retry, done, caught, failed or
// interrupted.
func (rec *Recorder) Event(step string, idx []int, kind string) {
	line, _ := json.Marshal(Event{Step: step, Index: idx, Event: kind, At: time.Now().UTC()})
	rec.mu.Lock()
	defer rec.mu.Unlock()
	f, err := os.OpenFile(filepath.Join(rec.dir, "events.jsonl"), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return // the record is a convenience; the run itself goes on
	}
	defer f.Close()
	f.Write(append(line, '\n'))
}

// End writes the run's final status: failed when err is not nil.
func (rec *Recorder) End(err error) error {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	now := time.Now().UTC()
	rec.run.Finished, rec.run.Status = &now, Succeeded
	if err != nil {
		rec.run.Status, rec.run.Error = Failed, err.Error()
	}
	return rec.writeRun()
}

func (rec *Recorder) writeRun() error {
	data, err := json.MarshalIndent(rec.run, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(rec.dir, ".run.json.tmp")
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(rec.dir, "run.json"))
}

// TaskID is a task's id within its step: its foreach indexes joined by "-", "0" outside any
// foreach, as the runtime's current.task_id defaults to.
func TaskID(idx []int) string {
	if len(idx) == 0 {
		return "0"
	}
	parts := make([]string, len(idx))
	for i, x := range idx {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, "-")
}

// LogBase is a task's log files without their extension (.out, .err, .cmd), as localrun names
// them: logs/<step>/<task id>.
func LogBase(runDir, step string, idx []int) string {
	return filepath.Join(runDir, "logs", step, TaskID(idx))
}
