package localrun

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/flowc-dev/flowc/compiler/ir"
)

// record is a run's run.json (PROTOCOL.md, "A local run's record"): what `flowc runs`, `flowc
// show` and the client API read about a run without parsing its logs.
type record struct {
	mu     sync.Mutex
	Flow   string       `json:"flow"`
	RunID  string       `json:"run_id"`
	File   string       `json:"file,omitempty"`
	Status string       `json:"status"` // running, succeeded, failed, interrupted
	Tasks  []taskRecord `json:"tasks"`
}

type taskRecord struct {
	Task     string `json:"task"` // FLOWC_TASK_ID
	Step     string `json:"step"`
	Index    []int  `json:"index"`
	Status   string `json:"status"` // succeeded, failed, interrupted
	Attempts int64  `json:"attempts"`
}

func newRecord(f *ir.Flow, o Options) *record {
	return &record{Flow: f.Name, RunID: o.RunID, File: filepath.ToSlash(o.FlowPath), Status: "running", Tasks: []taskRecord{}}
}

// record notes how a task ended.
func (r *runner) record(t task, status string, attempts int64) {
	r.rec.mu.Lock()
	defer r.rec.mu.Unlock()
	idx := append([]int{}, t.idx...)
	r.rec.Tasks = append(r.rec.Tasks, taskRecord{Task: t.id(), Step: t.step.Name, Index: idx, Status: status, Attempts: attempts})
}

func (rec *record) finish(err error) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var in *Interrupt
	switch {
	case err == nil:
		rec.Status = "succeeded"
	case errors.As(err, &in):
		rec.Status = "interrupted"
	default:
		rec.Status = "failed"
	}
}

// save writes run.json through a temporary file and a rename, tasks in a fixed order.
func (rec *record) save(dir string) error {
	rec.mu.Lock()
	sort.Slice(rec.Tasks, func(i, j int) bool {
		a, b := rec.Tasks[i], rec.Tasks[j]
		if a.Step != b.Step {
			return a.Step < b.Step
		}
		return a.Task < b.Task
	})
	data, err := json.MarshalIndent(rec, "", "  ")
	rec.mu.Unlock()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp := filepath.Join(dir, ".run.json.tmp")
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, "run.json"))
}
