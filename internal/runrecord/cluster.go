package runrecord

import (
	"context"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// A run on the cluster keeps no record of its own: each step's state is a key-only artifact in
// the artifact repository (emit/argo), so the run is read from those keys alone:
//
//	<workflow>/<step>[.state]/<i>/<j>/state.pkl   (or state.json: a Go flow)
//	                                 .../caught.json  @catch took over the task
//	                                 .../foreach.json the step fanned out
//	                                 .../end.json     the end step finished: the run succeeded
//
// (".state" ends a step's segment on GCS and Azure, read through their S3 APIs.)

// Incomplete is the status of a cluster run whose end step left no state: it is still running
// or it failed, which the artifact repository alone cannot tell (Argo's Workflow can).
const Incomplete = "incomplete"

// EndFile is what the end step writes beside its state (PROTOCOL.md): the flow and the step, so
// that a reader of the artifact repository knows the run succeeded without unpickling anything.
const EndFile = "end.json"

// stepSegment is a step's key segment: its name, with ".state" on GCS and Azure.
var stepSegment = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*)(\.state)?$`)

// LoadFrom reads the run named run (a workflow's name) from a repository; ErrNoRun when it
// holds nothing under that name.
func LoadFrom(ctx context.Context, repo Repository, run string) (*Record, error) {
	if !validRunName(run) {
		return nil, fmt.Errorf("%q is not a run id", run)
	}
	objs, err := repo.List(ctx, run+"/", true)
	if err != nil {
		return nil, err
	}
	r := &Record{Run: Run{ID: run, Status: Incomplete}, Location: repo.Location(), repo: repo}
	var end *Object
	r.Tasks, end = scanTasks(run, objs)
	if len(r.Tasks) == 0 {
		return nil, fmt.Errorf("%w %q in %s", ErrNoRun, run, repo.Location())
	}
	endStep := ""
	if end != nil {
		if t, ok := taskAt(path.Dir(strings.TrimPrefix(end.Key, run+"/"))); ok {
			endStep = t.Step
		}
	}
	r.order(endStep)
	return r, r.finish(ctx, end)
}

// scanTasks finds the tasks that left state among a run's keys, and the end step's end.json.
func scanTasks(run string, objs []Object) (tasks []*Task, end *Object) {
	byKey := map[string]*Task{}
	for i := range objs {
		o := &objs[i]
		dir, file, ok := cutLast(strings.TrimPrefix(o.Key, run+"/"))
		t, isTask := taskAt(dir)
		if !ok || !isTask {
			continue
		}
		k := t.Step + "/" + t.ID
		if byKey[k] == nil {
			t.key, t.State = run+"/"+dir, ""
			byKey[k] = t
		}
		t = byKey[k]
		switch file {
		case "state.pkl", "state.json":
			t.stateFile, t.Started = file, o.Modified
			if t.State == "" {
				t.State = TaskSucceeded
			}
		case "caught.json":
			t.State = TaskCaught
		case EndFile:
			end = o
		}
	}
	for _, t := range byKey {
		if t.stateFile != "" {
			tasks = append(tasks, t) // in any order: Record.order sorts them
		}
	}
	return tasks, end
}

// taskAt parses a task's state directory, "<step>[.state]/<i>/<j>", into a task.
func taskAt(dir string) (*Task, bool) {
	parts := strings.Split(dir, "/")
	m := stepSegment.FindStringSubmatch(parts[0])
	if m == nil {
		return nil, false
	}
	t := &Task{Step: m[1]}
	for _, p := range parts[1:] {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || strconv.Itoa(n) != p {
			return nil, false
		}
		t.Index = append(t.Index, n)
	}
	t.ID = TaskID(t.Index)
	return t, true
}

func cutLast(key string) (dir, file string, ok bool) {
	i := strings.LastIndexByte(key, '/')
	if i <= 0 {
		return "", "", false
	}
	return key[:i], key[i+1:], true
}

// order sorts the tasks as they finished (the repository keeps no start times), and the steps
// by their first task: the order in which they ran. "start" comes first and the step that wrote
// end.json last, whatever the clock's resolution.
func (r *Record) order(endStep string) {
	rank := func(t *Task) int {
		switch t.Step {
		case "start":
			return 0
		case endStep:
			return 2
		}
		return 1
	}
	sort.SliceStable(r.Tasks, func(i, j int) bool {
		a, b := r.Tasks[i], r.Tasks[j]
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra < rb
		}
		if !a.Started.Equal(b.Started) {
			return a.Started.Before(b.Started)
		}
		if a.Step != b.Step {
			return a.Step < b.Step
		}
		return a.ID < b.ID
	})
	r.Started = r.Tasks[0].Started
	for _, t := range r.Tasks {
		if t.Started.Before(r.Started) {
			r.Started = t.Started
		}
	}
	seen := map[string]bool{}
	for _, t := range r.Tasks {
		if !seen[t.Step] {
			seen[t.Step] = true
			r.Steps = append(r.Steps, t.Step)
		}
	}
}

// finish reads the end step's end.json, if it wrote one: the run succeeded, and the record
// learns the flow's name. Without it, a Go flow's state names the flow.
func (r *Record) finish(ctx context.Context, end *Object) error {
	var doc struct {
		Flow string `json:"flow"`
	}
	switch {
	case end != nil:
		data, err := r.repo.Get(ctx, end.Key)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			return fmt.Errorf("%s/%s: %v", r.Location, end.Key, err)
		}
		at := end.Modified
		r.Status, r.Finished = Succeeded, &at
	default:
		for _, t := range r.Tasks {
			if t.stateFile != "state.json" {
				continue
			}
			if data, err := r.repo.Get(ctx, t.key+"/state.json"); err == nil {
				_ = json.Unmarshal(data, &doc)
			}
			break
		}
	}
	r.Flow = doc.Flow
	return nil
}

// validRunName admits a workflow's name (or a prefix of one): no separators, nothing hidden.
func validRunName(s string) bool {
	return s != "" && !strings.ContainsAny(s, `/\`) && !strings.HasPrefix(s, ".")
}

// runNames lists the top-level names of a repository: the workflows' names.
func runNames(ctx context.Context, repo Repository) ([]string, error) {
	objs, err := repo.List(ctx, "", false)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, o := range objs {
		if name, ok := strings.CutSuffix(o.Key, "/"); ok && validRunName(name) {
			out = append(out, name)
		}
	}
	return out, nil
}

// ListFrom reads every run in a repository, newest first.
func ListFrom(ctx context.Context, repo Repository) ([]*Record, error) {
	names, err := runNames(ctx, repo)
	if err != nil {
		return nil, err
	}
	var out []*Record
	for _, n := range names {
		if r, err := LoadFrom(ctx, repo, n); err == nil {
			out = append(out, r)
		}
	}
	newestFirst(out)
	return out, nil
}

// FindIn resolves a run reference, a workflow's name or a prefix of exactly one, to its record
// in a repository.
func FindIn(ctx context.Context, repo Repository, ref string) (*Record, error) {
	if !validRunName(ref) {
		return nil, fmt.Errorf("%q is not a run id", ref)
	}
	if r, err := LoadFrom(ctx, repo, ref); err == nil {
		return r, nil
	}
	names, err := runNames(ctx, repo)
	if err != nil {
		return nil, err
	}
	var match []string
	for _, n := range names {
		if strings.HasPrefix(n, ref) {
			match = append(match, n)
		}
	}
	switch len(match) {
	case 0:
		return nil, fmt.Errorf("%w %q in %s", ErrNoRun, ref, repo.Location())
	case 1:
		return LoadFrom(ctx, repo, match[0])
	}
	return nil, fmt.Errorf("%q names %d runs in %s (%s, %s, ...): give more of the name", ref, len(match), repo.Location(), match[0], match[1])
}

// repoState reads a task's state file from the repository; ok is false when there is none.
func (r *Record) repoState(t *Task, name string) (data []byte, ok bool, err error) {
	if t.stateFile != name {
		return nil, false, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	data, err = r.repo.Get(ctx, t.key+"/"+name)
	return data, err == nil, err
}
