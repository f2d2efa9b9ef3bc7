package runrecord

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Record is a run as read back: run.json and the tasks its events describe.
type Record struct {
	Run
	Dir   string  `json:"-"` // a local run's directory; "" for a run in an artifact repository
	Tasks []*Task `json:"tasks"`
	// Location is where a cluster run was read from (s3://bucket/prefix); "" for a local run.
	Location string     `json:"location,omitempty"`
	repo     Repository // the repository of a cluster run
}

// Task is one execution of a step, with its retries folded in.
type Task struct {
	Step     string        `json:"step"`
	ID       string        `json:"id"`
	Index    []int         `json:"index,omitempty"`
	State    string        `json:"state"`
	Started  time.Time     `json:"started"`
	Duration time.Duration `json:"duration_ns"`
	Retries  int           `json:"retries"`

	key       string // a cluster run's task: its state's key in the repository
	stateFile string // a cluster run's task: state.pkl or state.json
}

// stateFiles are the names a step's state may have: the Python runtime's and the Go SDK's.
var stateFiles = []string{"state.pkl", "state.json"}

// List reads every run under runsDir, newest first. Directories that hold no run are skipped.
func List(runsDir string) ([]*Record, error) {
	entries, err := os.ReadDir(runsDir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []*Record
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if r, err := Load(filepath.Join(runsDir, e.Name())); err == nil {
			out = append(out, r)
		}
	}
	newestFirst(out)
	return out, nil
}

// newestFirst sorts runs by their start, newest first; ids (which start with the start time)
// break ties in the same order.
func newestFirst(out []*Record) {
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Started.Equal(out[j].Started) {
			return out[i].Started.After(out[j].Started)
		}
		return out[i].ID > out[j].ID
	})
}

// ErrNoRun is the error Find wraps when no local run matches: a caller may then look elsewhere
// (a run on the cluster) for the same reference.
var ErrNoRun = errors.New("no run")

// Find resolves a run reference, an id or a prefix of exactly one id, to its record.
func Find(runsDir, ref string) (*Record, error) {
	if ref == "" || strings.ContainsAny(ref, `/\`) || strings.HasPrefix(ref, ".") {
		return nil, fmt.Errorf("%q is not a run id", ref)
	}
	if r, err := Load(filepath.Join(runsDir, ref)); err == nil {
		return r, nil
	}
	runs, err := List(runsDir)
	if err != nil {
		return nil, err
	}
	var match []*Record
	for _, r := range runs {
		if strings.HasPrefix(r.ID, ref) {
			match = append(match, r)
		}
	}
	switch len(match) {
	case 0:
		return nil, fmt.Errorf("%w %q in %s (flowc runs lists them)", ErrNoRun, ref, runsDir)
	case 1:
		return match[0], nil
	}
	return nil, fmt.Errorf("%q names %d runs (%s, %s, ...): give more of the id", ref, len(match), match[0].ID, match[1].ID)
}

// Load reads the record in one run directory. A run from before run.json was written is read
// from its logs and state alone.
func Load(dir string) (*Record, error) {
	r := &Record{Dir: dir}
	data, err := os.ReadFile(filepath.Join(dir, "run.json"))
	switch {
	case err == nil:
		if err := json.Unmarshal(data, &r.Run); err != nil {
			return nil, fmt.Errorf("%s: %v", filepath.Join(dir, "run.json"), err)
		}
	case errors.Is(err, os.ErrNotExist):
		if _, serr := os.Stat(filepath.Join(dir, "state")); serr != nil {
			return nil, fmt.Errorf("%s holds no run", dir)
		}
		r.ID, r.Status = filepath.Base(dir), "unknown"
	default:
		return nil, err
	}
	if err := r.readEvents(); err != nil {
		return nil, err
	}
	if len(r.Tasks) == 0 {
		r.tasksFromLogs()
	}
	return r, nil
}

// readEvents folds events.jsonl into tasks, in the order they started.
func (r *Record) readEvents() error {
	f, err := os.Open(filepath.Join(r.Dir, "events.jsonl"))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	byKey := map[string]*Task{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var ev Event
		if json.Unmarshal(sc.Bytes(), &ev) != nil {
			continue // a line cut short by a killed run
		}
		k := ev.Step + "/" + TaskID(ev.Index)
		t := byKey[k]
		if t == nil {
			t = &Task{Step: ev.Step, ID: TaskID(ev.Index), Index: ev.Index, State: TaskRunning, Started: ev.At}
			byKey[k] = t
			r.Tasks = append(r.Tasks, t)
		}
		switch ev.Event {
		case "retry":
			t.Retries++
		case "done":
			t.State, t.Duration = TaskSucceeded, ev.At.Sub(t.Started)
		case "caught":
			t.State, t.Duration = TaskCaught, ev.At.Sub(t.Started)
		case "failed":
			t.State, t.Duration = TaskFailed, ev.At.Sub(t.Started)
		case "interrupted":
			t.State, t.Duration = TaskStopped, ev.At.Sub(t.Started)
		}
	}
	return sc.Err()
}

// tasksFromLogs lists the tasks of a run recorded before run.json (logs/<step>.<i>.cmd, the
// layout of that time) by their command-line files: a task with a state succeeded, one
// without failed, timed by the files' modification times.
func (r *Record) tasksFromLogs() {
	cmds, _ := filepath.Glob(filepath.Join(r.Dir, "logs", "*.cmd"))
	sort.Strings(cmds)
	for _, c := range cmds {
		parts := strings.Split(strings.TrimSuffix(filepath.Base(c), ".cmd"), ".")
		t := &Task{Step: parts[0], State: TaskFailed}
		for _, p := range parts[1:] {
			n, err := strconv.Atoi(p)
			if err != nil {
				break
			}
			t.Index = append(t.Index, n)
		}
		t.ID = TaskID(t.Index)
		if st, err := os.Stat(c); err == nil {
			t.Started = st.ModTime()
		}
		if sf := r.StateFile(t); sf != "" {
			t.State = TaskSucceeded
			if st, err := os.Stat(sf); err == nil {
				t.Duration = st.ModTime().Sub(t.Started)
			}
		}
		r.Tasks = append(r.Tasks, t)
	}
}

// StateDir is the directory of a task's state.
func (r *Record) StateDir(t *Task) string {
	p := []string{r.Dir, "state", t.Step}
	for _, x := range t.Index {
		p = append(p, strconv.Itoa(x))
	}
	return filepath.Join(p...)
}

// StateFile is the task's state file, "" when it wrote none.
func (r *Record) StateFile(t *Task) string {
	for _, n := range stateFiles {
		p := filepath.Join(r.StateDir(t), n)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// StepTasks are the tasks of one step, by their foreach indexes.
func (r *Record) StepTasks(step string) []*Task {
	var out []*Task
	for _, t := range r.Tasks {
		if t.Step == step {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return slices.Compare(out[i].Index, out[j].Index) < 0 })
	return out
}

// StepNames are the run's steps in the flow's order, or in the order they ran when run.json
// does not say.
func (r *Record) StepNames() []string {
	if len(r.Steps) > 0 {
		return r.Steps
	}
	var out []string
	seen := map[string]bool{}
	for _, t := range r.Tasks {
		if !seen[t.Step] {
			seen[t.Step] = true
			out = append(out, t.Step)
		}
	}
	return out
}

// GoFields reads the state fields of a task of a Go flow (state.json), by field name; ok is
// false when the task left no such state (a Python flow's state is pickled: the Python client
// reads it).
func (r *Record) GoFields(t *Task) (fields map[string]json.RawMessage, ok bool, err error) {
	var data []byte
	if r.repo != nil {
		if data, ok, err = r.repoState(t, "state.json"); !ok {
			return nil, false, err
		}
	} else if data, err = os.ReadFile(filepath.Join(r.StateDir(t), "state.json")); errors.Is(err, os.ErrNotExist) {
		return nil, false, nil
	} else if err != nil {
		return nil, false, err
	}
	var st struct {
		Fields map[string]json.RawMessage `json:"fields"`
	}
	if err := json.Unmarshal(data, &st); err != nil {
		return nil, false, fmt.Errorf("%s: %v", filepath.Join(r.StateDir(t), "state.json"), err)
	}
	return st.Fields, true, nil
}
