package golang

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/internal/compiler/check"
	"github.com/flowc-dev/flowc/internal/compiler/ir"
	"github.com/flowc-dev/flowc/internal/emit/argo"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// seqRun runs a compiled Go flow to its end, one step process at a time, through exactly the
// command lines stepcmd builds for the Argo pods and flowc run: the end-to-end contract between
// the frontend, stepcmd and the SDK's flow.Main. It is a test's sequential stand-in for
// internal/localrun.
type seqRun struct {
	t       *testing.T
	f       *ir.Flow
	bin     string
	root    string
	env     []string
	params  map[string]string
	stacks  map[string][]string
	shapes  map[string]stepcmd.Shape
	arrived map[string]int
	fanout  map[string]int
}

type seqTask struct {
	step *ir.Step
	idx  []int
}

// buildFlow compiles the flow package in dir to a binary.
func buildFlow(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "flow")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build in %s: %v\n%s", dir, err, out)
	}
	return bin
}

func newSeqRun(t *testing.T, f *ir.Flow, bin string, params map[string]string) *seqRun {
	r := &seqRun{t: t, f: f, bin: bin, root: t.TempDir(), params: map[string]string{}, stacks: check.NewGraph(f).ForeachStacks(),
		shapes: map[string]stepcmd.Shape{}, arrived: map[string]int{}, fanout: map[string]int{}}
	for _, p := range f.Params {
		if v, ok := params[p.Name]; ok {
			r.params[p.Name] = v
		} else if v, ok := argo.ParamValue(p); ok {
			r.params[p.Name] = v
		}
	}
	for _, s := range f.Steps {
		r.shapes[s.Name] = stepcmd.ShapeOf(f, s, r.stacks)
	}
	return r
}

// run executes every task, breadth first, and returns how many ran.
func (r *seqRun) run() int {
	queue := []seqTask{{step: r.f.Step("start")}}
	n := 0
	for ; len(queue) > 0; n++ {
		t := queue[0]
		queue = append(queue[1:], r.exec(t)...)
	}
	return n
}

func (r *seqRun) exec(t seqTask) []seqTask {
	args := stepcmd.Args(r.f, "", t.step, r.shapes[t.step.Name], seqBinder{r, t})
	cmd := exec.Command(r.bin, args...)
	cmd.Env = append(os.Environ(), r.env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		r.t.Fatalf("%s %s: %v\n%s", r.bin, strings.Join(args, " "), err, out)
	}
	s := t.step
	var next []seqTask
	if s.Foreach != "" {
		var list []int
		data, _ := os.ReadFile(filepath.Join(r.dir(s.Name, t.idx), "foreach.json"))
		if err := json.Unmarshal(data, &list); err != nil {
			r.t.Fatalf("step %s: foreach.json: %v", s.Name, err)
		}
		r.fanout[fmt.Sprint(s.Name, t.idx)] = len(list)
		for i := range list {
			next = append(next, seqTask{r.f.Step(s.Next[0]), append(append([]int(nil), t.idx...), i)})
		}
		return next
	}
	for _, name := range s.Next {
		c := r.f.Step(name)
		depth := len(r.stacks[c.Name])
		if !c.IsJoin() {
			next = append(next, seqTask{c, t.idx})
			continue
		}
		key := fmt.Sprint(c.Name, t.idx[:depth])
		r.arrived[key]++
		want := len(c.In)
		if sh := r.shapes[c.Name]; len(sh.Inputs) == 1 && sh.Inputs[0].Foreach {
			want = r.fanout[fmt.Sprint(r.stacks[sh.Inputs[0].Parent][depth], t.idx[:depth])]
		}
		if r.arrived[key] == want {
			next = append(next, seqTask{c, t.idx[:depth]})
		}
	}
	return next
}

func (r *seqRun) dir(step string, idx []int) string {
	parts := []string{r.root, step}
	for _, i := range idx {
		parts = append(parts, strconv.Itoa(i))
	}
	return filepath.Join(parts...)
}

// seqBinder binds a task's command line to the run's directories, as flowc run does.
type seqBinder struct {
	r *seqRun
	t seqTask
}

func (b seqBinder) InputDir(p string) string {
	return b.r.dir(p, b.t.idx[:min(len(b.r.stacks[p]), len(b.t.idx))])
}
func (b seqBinder) OutDir() string { return b.r.dir(b.t.step.Name, b.t.idx) }
func (b seqBinder) Index() string  { return strconv.Itoa(b.t.idx[len(b.t.idx)-1]) }
func (b seqBinder) Param(name string) string {
	return base64.StdEncoding.EncodeToString([]byte(b.r.params[name])) // as flowc passes values
}

// stateField reads one field of a step's state.json.
func (r *seqRun) stateField(step string, idx []int, field string) string {
	data, err := os.ReadFile(filepath.Join(r.dir(step, idx), "state.json"))
	if err != nil {
		r.t.Fatal(err)
	}
	var st struct{ Fields map[string]json.RawMessage }
	if err := json.Unmarshal(data, &st); err != nil {
		r.t.Fatal(err)
	}
	return string(st.Fields[field])
}

// TestRunCases builds each Go case and runs it to its end through the step command line,
// checking what the last joins computed.
func TestRunCases(t *testing.T) {
	want := map[string]struct {
		step, field, value string
		tasks              int
	}{
		"linear":            {"end", "X", "2", 3},
		"split":             {"join", "Vs", `["a","b","c"]`, 6},
		"nested_split":      {"end", "", "", 8},
		"foreach":           {"join", "Total", "14", 6},
		"foreach_multistep": {"join", "Lines", `["a=2","bb=4","ccc=6"]`, 12},
		"nested_foreach":    {"foreach_join_x", "Word", `"fghijkfghijkfghijkfghijkfghijkfghijk"`, 1 + 3 + 6 + 36 + 6 + 3 + 1 + 1},
		"split_in_foreach":  {"outer_join", "Total", "53", 11},
		"foreach_in_split":  {"fan_join", "V", "2", 8},
		"parameters":        {"end", "", "", 2},
	}
	for _, name := range goCases(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(root, "testdata", "go", name)
			f := loadOne(t, dir)
			r := newSeqRun(t, f, buildFlow(t, dir), map[string]string{"source": "s3://bucket"})
			w, ok := want[name]
			if !ok {
				t.Fatalf("no expectation for case %s", name)
			}
			if n := r.run(); n != w.tasks {
				t.Errorf("ran %d tasks, want %d", n, w.tasks)
			}
			if w.field != "" {
				if got := r.stateField(w.step, nil, w.field); got != w.value {
					t.Errorf("%s.%s = %s, want %s", w.step, w.field, got, w.value)
				}
			}
		})
	}
}
