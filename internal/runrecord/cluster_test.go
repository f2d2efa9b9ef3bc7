package runrecord

import (
	"context"
	"errors"
	"sort"
	"strings"
	"testing"
	"time"
)

// memRepo is a Repository in memory: keys, each written at a second of its own.
type memRepo map[string]int

func (m memRepo) Location() string { return "s3://mem/" }

func (m memRepo) List(_ context.Context, prefix string, recursive bool) ([]Object, error) {
	seen := map[string]bool{}
	var out []Object
	for k, sec := range m {
		rest, ok := strings.CutPrefix(k, prefix)
		if !ok {
			continue
		}
		if !recursive {
			if dir, _, isDir := strings.Cut(rest, "/"); isDir {
				if !seen[dir] {
					seen[dir] = true
					out = append(out, Object{Key: prefix + dir + "/"})
				}
				continue
			}
		}
		out = append(out, Object{Key: k, Modified: time.Unix(int64(sec), 0)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}

func (m memRepo) Get(_ context.Context, key string) ([]byte, error) {
	if _, ok := m[key]; !ok {
		return nil, errors.New("no such key")
	}
	if strings.HasSuffix(key, "/end.json") {
		return []byte(`{"flow": "ShapeFlow", "step": "finish"}`), nil
	}
	return []byte(`{"format": "flowc-go-state", "flow": "GoFlow", "fields": {"X": 1}}`), nil
}

// TestClusterRecord reads runs laid out as Argo's key-only artifacts leave them: tasks by their
// foreach indexes, a caught task, the ".state" segments of GCS and Azure, the end step's
// end.json (success, the flow's name, last in the order), and keys that are not a task's.
func TestClusterRecord(t *testing.T) {
	ctx := context.Background()
	repo := memRepo{
		"wf-a1/start/state.pkl": 10, "wf-a1/body/0/state.pkl": 12, "wf-a1/body/1/state.pkl": 11,
		"wf-a1/body/1/caught.json": 11, "wf-a1/start/foreach.json": 10, "wf-a1/join.state/state.pkl": 13,
		"wf-a1/finish/state.pkl": 14, "wf-a1/finish/end.json": 14,
		"wf-a1/wf-a1-body-123/main.log": 9, "wf-a1/body/01/state.pkl": 9, "wf-a1/body/x/state.pkl": 9,
		"wf-b2/start/state.json": 20, "wf-b2/work/state.pkl.tmp": 21,
		"other/readme.txt": 1,
	}
	r, err := FindIn(ctx, repo, "wf-a")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tk := range r.Tasks {
		got = append(got, tk.Step+"/"+tk.ID+":"+tk.State)
	}
	want := "start/0:succeeded body/1:caught body/0:succeeded join/0:succeeded finish/0:succeeded"
	if strings.Join(got, " ") != want || r.Status != Succeeded || r.Flow != "ShapeFlow" ||
		strings.Join(r.Steps, " ") != "start body join finish" || r.Finished == nil || r.Started.Unix() != 10 {
		t.Errorf("wf-a1 = %s %s %q steps %v started %v finished %v\nwant %s succeeded ShapeFlow",
			strings.Join(got, " "), r.Status, r.Flow, r.Steps, r.Started.Unix(), r.Finished, want)
	}
	b, err := LoadFrom(ctx, repo, "wf-b2")
	if err != nil || b.Status != Incomplete || b.Flow != "GoFlow" || len(b.Tasks) != 1 {
		t.Errorf("wf-b2 = %+v, %v; want incomplete GoFlow with one task", b, err)
	}
	if f, ok, err := b.GoFields(b.Tasks[0]); !ok || err != nil || string(f["X"]) != "1" {
		t.Errorf("wf-b2 start's fields = %s, %v, %v", f, ok, err)
	}
	runs, err := ListFrom(ctx, repo)
	if err != nil || len(runs) != 2 || runs[0].ID != "wf-b2" || runs[1].ID != "wf-a1" {
		t.Errorf("ListFrom = %v, %v; want wf-b2, wf-a1 (newest first; other holds no run)", runs, err)
	}
	for ref, msg := range map[string]string{
		"wf-":  `"wf-" names 2 runs in s3://mem/ (wf-a1, wf-b2, ...): give more of the name`,
		"wf-c": `no run "wf-c" in s3://mem/`, "other": `no run "other" in s3://mem/`,
		"../x": `"../x" is not a run id`,
	} {
		if _, err := FindIn(ctx, repo, ref); err == nil || err.Error() != msg {
			t.Errorf("FindIn(%q) = %v, want %q", ref, err, msg)
		}
	}
}
