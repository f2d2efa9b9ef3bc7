package runrecord

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRecordRoundTrip writes a run's record as localrun reports events and reads it back: task
// states, retries, caught failures, step order and the failed run's status.
func TestRecordRoundTrip(t *testing.T) {
	runs := t.TempDir()
	dir := filepath.Join(runs, "20260101-000000-aaaaaa")
	rec, err := Begin(dir, Run{ID: "20260101-000000-aaaaaa", Flow: "F", Steps: []string{"start", "body", "catchy", "end"}})
	if err != nil {
		t.Fatal(err)
	}
	rec.Event("start", nil, "started")
	rec.Event("start", nil, "done")
	for _, i := range []int{1, 0} {
		rec.Event("body", []int{i}, "started")
	}
	rec.Event("body", []int{0}, "retry")
	rec.Event("body", []int{0}, "done")
	rec.Event("body", []int{1}, "failed")
	rec.Event("catchy", nil, "started")
	rec.Event("catchy", nil, "caught")
	if err := rec.End(errors.New("step body[1] failed")); err != nil {
		t.Fatal(err)
	}

	r, err := Find(runs, "2026")
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != Failed || r.Flow != "F" || r.Finished == nil || !strings.Contains(r.Error, "body[1]") {
		t.Errorf("run = %+v", r.Run)
	}
	var got []string
	for _, s := range r.Summary() {
		got = append(got, s.Step+":"+s.State+":"+itoa(s.Tasks)+":"+itoa(s.Retries)+":"+itoa(s.Caught))
	}
	want := "start:succeeded:1:0:0 body:failed:2:1:0 catchy:caught:1:0:1 end:not run:0:0:0"
	if strings.Join(got, " ") != want {
		t.Errorf("summary = %s\nwant      %s", strings.Join(got, " "), want)
	}
	if ids := taskIDs(r.StepTasks("body")); ids != "0 1" {
		t.Errorf("body tasks = %s, want 0 1 (by index)", ids)
	}
}

// TestFind checks run references: a unique prefix, an ambiguous one, and names that are not ids.
func TestFind(t *testing.T) {
	runs := t.TempDir()
	for _, id := range []string{"20260101-000000-aaaaaa", "20260102-000000-bbbbbb"} {
		if _, err := Begin(filepath.Join(runs, id), Run{ID: id, Flow: "F"}); err != nil {
			t.Fatal(err)
		}
	}
	if r, err := Find(runs, "20260102"); err != nil || r.ID != "20260102-000000-bbbbbb" {
		t.Errorf("Find(20260102) = %v, %v", r, err)
	}
	for ref, msg := range map[string]string{
		"2026":  `"2026" names 2 runs`,
		"9":     `no run "9"`,
		"../x":  `"../x" is not a run id`,
		".flow": `".flow" is not a run id`,
	} {
		if _, err := Find(runs, ref); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("Find(%q) = %v, want %q", ref, err, msg)
		}
	}
	list, err := List(runs)
	if err != nil || len(list) != 2 || list[0].ID != "20260102-000000-bbbbbb" {
		t.Errorf("List: newest first, got %v %v", list, err)
	}
}

// TestLoadWithoutRunJSON reads a run recorded before run.json: tasks from the command-line files,
// succeeded where a state was written.
func TestLoadWithoutRunJSON(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "old")
	writeFile(t, filepath.Join(dir, "logs", "start.cmd"), "python3\n")
	writeFile(t, filepath.Join(dir, "logs", "body.1.cmd"), "python3\n")
	writeFile(t, filepath.Join(dir, "state", "start", "state.pkl"), "x")
	r, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != "unknown" || len(r.Tasks) != 2 {
		t.Fatalf("record = %+v, tasks %d", r.Run, len(r.Tasks))
	}
	if b := r.StepTasks("body")[0]; b.State != TaskFailed || b.ID != "1" {
		t.Errorf("body = %+v", b)
	}
	if s := r.StepTasks("start")[0]; s.State != TaskSucceeded {
		t.Errorf("start = %+v", s)
	}
}

func writeFile(t *testing.T, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func taskIDs(ts []*Task) string {
	var ids []string
	for _, t := range ts {
		ids = append(ids, t.ID)
	}
	return strings.Join(ids, " ")
}
