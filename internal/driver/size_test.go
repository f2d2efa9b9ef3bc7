package driver_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/flowc-dev/flowc/emit/argo"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/internal/driver"
)

// sizeShapes are flows of 2,000 steps in the shapes that stress a manifest differently: one
// template and one task per step (a chain), one join with an input per step (a wide split),
// index parameters and fan-out tasks (foreach bodies), and the benchmark's mix.
var sizeShapes = map[string]func(n int) string{
	"chain":   chainFlow,
	"wide":    wideFlow,
	"foreach": foreachFlow,
	"mixed":   generatedFlow,
}

// TestLargeFlowManifestSize compiles 2,000-step flows of each shape and requires the manifest to
// fit what Kubernetes stores, measured as the API server keeps it (the manifest as JSON), and a
// warning exactly when a run would pass Argo's default Workflow size. A chain and the mixed flow
// stay under that 1 MiB, as YAML and as stored; a 2,000-way join and 2,000 steps of two-deep
// foreach bodies pass it (their joins list every input, their tasks pass every index) and get
// the warning.
func TestLargeFlowManifestSize(t *testing.T) {
	for _, c := range []struct {
		shape string
		n     int // the generator's size argument, which gives at least steps steps
		steps int
		under bool // under Argo's default Workflow size, as YAML and as stored
	}{
		{"chain", 2000, 2000, true}, {"mixed", 2106, 2000, true}, {"wide", 2000, 2000, false},
		{"foreach", 2004, 2000, false}, {"chain", 200, 200, true},
	} {
		name := c.shape
		t.Run(fmt.Sprint(name, c.steps), func(t *testing.T) {
			src := sizeShapes[name](c.n)
			if n := strings.Count(src, "@step"); n < c.steps || n > c.steps*101/100 {
				t.Fatalf("the %s flow has %d steps, want %d", name, n, c.steps)
			}
			out, diags := driver.Compile(loadSource(t, src)[0], testOptions())
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			yml := out.Files[out.Name+".yaml"]
			stored := storedSize(t, out)
			t.Logf("%s: %d steps, %d bytes of YAML, %d bytes stored", name, strings.Count(src, "@step"), len(yml), stored)
			if stored >= argo.MaxObjectBytes {
				t.Errorf("the %s flow's manifest is %d bytes stored, want under %d", name, stored, argo.MaxObjectBytes)
			}
			if under := len(yml) < argo.MaxWorkflowBytes && stored < argo.MaxWorkflowBytes; under != c.under {
				t.Errorf("the %s flow's manifest is %d bytes (%d stored): under %d is %v, want %v", name, len(yml), stored, argo.MaxWorkflowBytes, under, c.under)
			}
			// Over Argo's default Workflow size, a warning that names it; under it, none.
			warned := len(diags) == 1 && diags[0].Check == diag.ManifestSize && diags[0].Severity == diag.Warning &&
				strings.Contains(diags[0].Message, "Argo's controller fails a Workflow over 1.00 MiB (MAX_WORKFLOW_SIZE)")
			if over := stored > argo.MaxWorkflowBytes; warned != over || len(diags) > 1 {
				t.Errorf("stored %d bytes, diagnostics %v; want a manifest-size warning: %v", stored, diags, over)
			}
		})
	}
}

// TestManifestTooLarge: a flow whose manifest Kubernetes would refuse is a positioned error on
// its class, with the sizes and the limit, and no output.
func TestManifestTooLarge(t *testing.T) {
	flows := loadSource(t, foreachFlow(2400))
	out, diags := driver.Compile(flows[0], testOptions())
	if out != nil || len(diags) != 1 {
		t.Fatalf("out = %v, diags = %v; want no output and one diagnostic", out != nil, diags)
	}
	d := diags[0]
	want := `the WorkflowTemplate "sizeflow" of flow "SizeFlow" is 1.69 MiB as Kubernetes stores it, ` +
		`over the 1.50 MiB etcd accepts for one object (its default --max-request-bytes); the flow has 2396 steps`
	if d.Check != diag.ManifestSize || d.Pos.Line != 4 || d.Pos.Col != 7 || d.Message != want || d.Suggestion != "split it into smaller flows" {
		t.Errorf("got %s:%d:%d %s [%s]\nwant 4:7 %s [manifest-size]", d.Pos.File, d.Pos.Line, d.Pos.Col, d.Message, d.Check, want)
	}
}

// storedSize is the size of the manifest's main object as Kubernetes stores it, as JSON.
func storedSize(t testing.TB, out *driver.Output) int {
	t.Helper()
	var obj any
	if err := yaml.Unmarshal(out.Files[out.Name+".yaml"], &obj); err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(obj)
	if err != nil {
		t.Fatal(err)
	}
	return len(js)
}

// loadSource loads one flow file, written to a new directory.
func loadSource(t testing.TB, src string) []*driver.Flow {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "flow.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	flows, diags := driver.Load([]string{dir})
	if diags.HasErrors() || len(flows) != 1 {
		t.Fatalf("load: %v", diags)
	}
	return flows
}

// flowWriter writes the steps of a generated flow.
type flowWriter struct{ strings.Builder }

// newFlowWriter starts the flow class named class.
func newFlowWriter(class string) *flowWriter {
	w := &flowWriter{}
	w.WriteString("from metaflow import FlowSpec, step\n\n\nclass " + class + "(FlowSpec):\n")
	return w
}

func (w *flowWriter) step(name, args, body string) {
	fmt.Fprintf(w, "    @step\n    def %s(self%s):\n        %s\n\n", name, args, body)
}

// chainFlow is start -> step_1 -> ... -> end, n steps in all.
func chainFlow(n int) string {
	w := newFlowWriter("SizeFlow")
	w.step("start", "", "self.next(self.step_1)")
	for i := 1; i < n-1; i++ {
		next := fmt.Sprintf("step_%d", i+1)
		if i == n-2 {
			next = "end"
		}
		w.step(fmt.Sprintf("step_%d", i), "", "self.next(self."+next+")")
	}
	w.step("end", "", "pass")
	return w.String()
}

// wideFlow is start splitting into n-3 branches that one join closes.
func wideFlow(n int) string {
	w := newFlowWriter("SizeFlow")
	var targets []string
	for i := 1; i <= n-3; i++ {
		targets = append(targets, fmt.Sprintf("self.branch_%d", i))
	}
	w.step("start", "", "self.next("+strings.Join(targets, ", ")+")")
	for i := 1; i <= n-3; i++ {
		w.step(fmt.Sprintf("branch_%d", i), "", "self.next(self.join)")
	}
	w.step("join", ", inputs", "self.next(self.end)")
	w.step("end", "", "pass")
	return w.String()
}

// foreachFlow chains foreach stages, each a fan-out over a body of two steps, nested two deep,
// and the joins that close them: seven steps a stage.
func foreachFlow(n int) string {
	w := newFlowWriter("SizeFlow")
	prev := "start"
	for i := 0; i < (n-2)/7; i++ {
		s := func(part string) string { return fmt.Sprintf("f%d_%s", i, part) }
		args := ", inputs"
		if prev == "start" {
			args = ""
		}
		w.step(prev, args, "self.next(self."+s("outer")+")")
		w.step(s("outer"), "", "self.items = [1, 2]\n        self.next(self."+s("a")+", foreach=\"items\")")
		w.step(s("a"), "", "self.items = [1, 2]\n        self.next(self."+s("inner")+", foreach=\"items\")")
		w.step(s("inner"), "", "self.next(self."+s("b")+")")
		w.step(s("b"), "", "self.next(self."+s("join_inner")+")")
		w.step(s("join_inner"), ", inputs", "self.next(self."+s("c")+")")
		w.step(s("c"), "", "self.next(self."+s("join")+")")
		prev = s("join")
	}
	w.step(prev, ", inputs", "self.next(self.end)")
	w.step("end", "", "pass")
	return w.String()
}

// generatedFlow is a flow of about n steps: stages of a 4-way split and its join, with a
// foreach every tenth stage, the shape that makes path enumeration explode.
func generatedFlow(n int) string {
	w := newFlowWriter("GeneratedFlow")
	prev := "start"
	for i := 0; i < n/6; i++ {
		split := fmt.Sprintf("s%d", i)
		next := fmt.Sprintf("j%d", i)
		body := fmt.Sprintf("self.next(self.%s_a, self.%s_b, self.%s_c, self.%s_d)", split, split, split, split)
		if i%10 == 9 {
			body = fmt.Sprintf("self.items = [1, 2]\n        self.next(self.%s_a, foreach=\"items\")", split)
		}
		args := ", inputs"
		if prev == "start" {
			args = ""
		}
		w.step(prev, args, "self.next(self."+split+")")
		w.step(split, "", body)
		for _, x := range "abcd" {
			if i%10 == 9 && x != 'a' {
				continue
			}
			w.step(fmt.Sprintf("%s_%c", split, x), "", "self.next(self."+next+")")
		}
		prev = next
	}
	w.step(prev, ", inputs", "self.next(self.end)")
	w.step("end", "", "pass")
	return w.String()
}
