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
	"github.com/flowc-dev/flowc/internal/settings"
)

// sizeShapes are flows of 2,000 steps in the shapes that stress a manifest differently: one
// template and one task per step (a chain), one join with an input per step (a wide split),
// index parameters and fan-out tasks (foreach bodies), the benchmark's mix, and a chain whose
// step names are as long as a real flow's.
var sizeShapes = map[string]func(n int) string{
	"chain":   chainFlow,
	"wide":    wideFlow,
	"foreach": foreachFlow,
	"mixed":   generatedFlow,
	"names":   longNamesFlow,
}

// TestLargeFlowManifestSize compiles 2,000-step flows of each shape and requires the manifest to
// stay under Argo's default Workflow size (1 MiB), as YAML and as Kubernetes stores it (as
// JSON), with no warning. A chain and the mixed flow fit with a template per step, so they keep
// that layout; the others fit because steps of one shape share a template (templates: auto).
// With a template per step forced, those pass 1 MiB and get the warning.
func TestLargeFlowManifestSize(t *testing.T) {
	for _, c := range []struct {
		shape  string
		n      int  // the generator's size argument, which gives at least steps steps
		steps  int  //
		shared bool // auto shares templates: a template per step would pass 1 MiB
	}{
		{"chain", 2000, 2000, false}, {"mixed", 2106, 2000, false}, {"wide", 2000, 2000, true},
		{"foreach", 2004, 2000, true}, {"names", 2000, 2000, true}, {"chain", 200, 200, false},
	} {
		name := c.shape
		t.Run(fmt.Sprint(name, c.steps), func(t *testing.T) {
			src := sizeShapes[name](c.n)
			if n := strings.Count(src, "@step"); n < c.steps || n > c.steps*101/100 {
				t.Fatalf("the %s flow has %d steps, want %d", name, n, c.steps)
			}
			flow := loadSource(t, src)[0]
			out, diags := driver.Compile(flow, testOptions())
			if diags.HasErrors() || len(diags) > 0 {
				t.Fatalf("diagnostics: %v", diags)
			}
			yml := out.Files[out.Name+".yaml"]
			stored := storedSize(t, out)
			t.Logf("%s: %d steps, %d bytes of YAML, %d bytes stored", name, strings.Count(src, "@step"), len(yml), stored)
			if len(yml) >= argo.MaxWorkflowBytes || stored >= argo.MaxWorkflowBytes {
				t.Errorf("the %s flow's manifest is %d bytes (%d stored), want under %d", name, len(yml), stored, argo.MaxWorkflowBytes)
			}
			if shared := strings.Contains(string(yml), "template: shared-1"); shared != c.shared {
				t.Errorf("the %s flow's steps share templates: %v, want %v", name, shared, c.shared)
			}
			if !c.shared {
				return
			}
			// A template per step, forced: over 1 MiB, a warning that names Argo's limit.
			o := testOptions()
			o.Config.Templates = settings.TemplatesPerStep
			out, diags = driver.Compile(flow, o)
			if out == nil || diags.HasErrors() {
				t.Fatalf("per step: %v", diags)
			}
			stored = storedSize(t, out)
			t.Logf("%s, a template per step: %d bytes stored", name, stored)
			warned := len(diags) == 1 && diags[0].Check == diag.ManifestSize && diags[0].Severity == diag.Warning &&
				strings.Contains(diags[0].Message, "Argo's controller fails a Workflow over 1.00 MiB (MAX_WORKFLOW_SIZE)")
			if stored <= argo.MaxWorkflowBytes || !warned || strings.Contains(string(out.Files[out.Name+".yaml"]), "template: shared-1") {
				t.Errorf("a template per step: %d bytes stored, diagnostics %v; want over 1 MiB, a manifest-size warning and no shared template", stored, diags)
			}
		})
	}
}

// TestManifestTooLarge: a flow whose manifest Kubernetes would refuse is a positioned error on
// its class, with the sizes and the limit, and no output: 2,400 steps of foreach bodies with a
// template per step, and 6,000 steps of long names even when steps share templates.
func TestManifestTooLarge(t *testing.T) {
	for _, c := range []struct {
		src, layout, want string
	}{
		{foreachFlow(2400), settings.TemplatesPerStep, `the WorkflowTemplate "sizeflow" of flow "SizeFlow" is 1.69 MiB as Kubernetes stores it, ` +
			`over the 1.50 MiB etcd accepts for one object (its default --max-request-bytes); the flow has 2396 steps`},
		{longNamesFlow(6000), "", `the WorkflowTemplate "sizeflow" of flow "SizeFlow" is 2.13 MiB as Kubernetes stores it, ` +
			`over the 1.50 MiB etcd accepts for one object (its default --max-request-bytes); the flow has 6000 steps`},
	} {
		o := testOptions()
		o.Config.Templates = c.layout
		out, diags := driver.Compile(loadSource(t, c.src)[0], o)
		if out != nil || len(diags) != 1 {
			t.Fatalf("out = %v, diags = %v; want no output and one diagnostic", out != nil, diags)
		}
		d := diags[0]
		if d.Check != diag.ManifestSize || d.Pos.Line != 4 || d.Pos.Col != 7 || d.Message != c.want || d.Suggestion != "split it into smaller flows" {
			t.Errorf("got %s:%d:%d %s [%s]\nwant 4:7 %s [manifest-size]", d.Pos.File, d.Pos.Line, d.Pos.Col, d.Message, d.Check, c.want)
		}
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

// longNamesFlow is a chain of n steps named as a real flow's are, 24 to 40 characters long:
// start -> load_customer_orders_0001_and_clean -> ... -> end.
func longNamesFlow(n int) string {
	words := []string{"load_customer_orders", "normalize_features", "train_gradient_model", "score_holdout_set"}
	name := func(i int) string {
		switch i {
		case 0:
			return "start"
		case n - 1:
			return "end"
		}
		return fmt.Sprintf("%s_%04d_%s", words[i%len(words)], i, words[(i/len(words))%len(words)][:i%12+1])
	}
	w := newFlowWriter("SizeFlow")
	for i := 0; i < n-1; i++ {
		w.step(name(i), "", "self.next(self."+name(i+1)+")")
	}
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
