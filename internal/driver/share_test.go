package driver_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/flowc-dev/flowc/internal/driver"
	"github.com/flowc-dev/flowc/internal/settings"
)

// TestSharedTemplatesRunAsPerStep compiles every golden case's flows with a template per step
// and with shared templates, and requires every step to get the same pod either way: each shared
// template, with its task's parameter values put in as Argo puts them (every
// {{inputs.parameters.NAME}}), is the step's own template but for its name and its input
// artifacts' names, and each task is the same but for the template it runs and the values it
// passes. Everything outside the templates is the same.
func TestSharedTemplatesRunAsPerStep(t *testing.T) {
	shared := 0
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			flows, diags := driver.Load([]string{c.input})
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			for _, fl := range flows {
				own := compileLayout(t, fl, c.dir, settings.TemplatesPerStep)
				sh := compileLayout(t, fl, c.dir, settings.TemplatesShared)
				shared += compareLayouts(t, own, sh)
			}
		})
	}
	if shared == 0 {
		t.Error("no step of any golden case runs a shared template")
	}
}

// compileLayout compiles fl with the case's settings and the template layout, and decodes the
// main object's spec.
func compileLayout(t *testing.T, fl *driver.Flow, dir, layout string) map[string]any {
	t.Helper()
	o := caseOptions(t, dir)
	cfg := *o.Config
	cfg.Templates = layout
	o.Config = &cfg
	out, diags := driver.Compile(fl, o)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var obj map[string]any
	if err := yaml.NewDecoder(strings.NewReader(string(out.Files[out.Name+".yaml"]))).Decode(&obj); err != nil {
		t.Fatal(err)
	}
	return obj["spec"].(map[string]any)
}

// compareLayouts compares the per-step spec own with the shared one, and returns how many steps
// run a shared template.
func compareLayouts(t *testing.T, own, shared map[string]any) int {
	t.Helper()
	ownT, sharedT := byName(own["templates"]), byName(shared["templates"])
	n := 0
	for name, st := range sharedT {
		dag, ok := st["dag"].(map[string]any)
		if !ok {
			continue
		}
		ownTasks := byName(byName(own["templates"])[name]["dag"].(map[string]any)["tasks"])
		for _, task := range dag["tasks"].([]any) {
			task := task.(map[string]any)
			tname := task["name"].(string)
			ot := ownTasks[tname]
			tmpl := task["template"].(string)
			if tmpl == ot["template"] {
				if !reflect.DeepEqual(task, ot) {
					t.Errorf("task %s: %v, a template per step: %v", tname, task, ot)
				}
				continue
			}
			n++
			// The values the task passes to the shared template's named parameters.
			values := map[string]string{}
			var kept []any
			for _, p := range task["arguments"].(map[string]any)["parameters"].([]any) {
				p := p.(map[string]any)
				if pn := p["name"].(string); isIndexParam(pn) {
					kept = append(kept, p)
				} else {
					values[pn] = p["value"].(string)
				}
			}
			got := map[string]any{}
			for k, v := range task {
				got[k] = v
			}
			got["template"] = ot["template"]
			if kept == nil {
				delete(got, "arguments")
			} else {
				got["arguments"] = map[string]any{"parameters": kept}
			}
			if !reflect.DeepEqual(got, ot) {
				t.Errorf("task %s, with the values taken out: %v\na template per step: %v", tname, got, ot)
			}
			inst := instantiate(t, sharedT[tmpl], values)
			want := viaJSON(t, ownT[ot["template"].(string)])
			inst["name"] = want["name"]
			renameInputs(inst, want)
			if !reflect.DeepEqual(inst, want) {
				g, _ := json.MarshalIndent(inst, "", " ")
				w, _ := json.MarshalIndent(want, "", " ")
				t.Errorf("step %s: template %s with %v is\n%s\nits own template is\n%s", tname, tmpl, values, g, w)
			}
		}
	}
	for _, k := range []string{"templateDefaults", "arguments", "entrypoint"} {
		if !reflect.DeepEqual(own[k], shared[k]) {
			t.Errorf("%s differs: %v, a template per step: %v", k, shared[k], own[k])
		}
	}
	return n
}

func isIndexParam(name string) bool {
	var k int
	_, err := fmt.Sscanf(name, "i%d", &k)
	return err == nil && name == fmt.Sprintf("i%d", k)
}

// instantiate is template t with each {{inputs.parameters.NAME}} of values replaced by its
// value, and those parameters' declarations removed, as Argo runs it for one task.
func instantiate(t *testing.T, tmpl map[string]any, values map[string]string) map[string]any {
	t.Helper()
	data, err := json.Marshal(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for name, v := range values {
		js, _ := json.Marshal(v)
		s = strings.ReplaceAll(s, "{{inputs.parameters."+name+"}}", string(js[1:len(js)-1]))
	}
	var out map[string]any
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		t.Fatal(err)
	}
	inputs := out["inputs"].(map[string]any)
	var params []any
	for _, p := range inputs["parameters"].([]any) {
		if _, named := values[p.(map[string]any)["name"].(string)]; !named {
			params = append(params, p)
		}
	}
	if params == nil {
		delete(inputs, "parameters")
	} else {
		inputs["parameters"] = params
	}
	if len(inputs) == 0 {
		delete(out, "inputs")
	}
	return out
}

// viaJSON is m as JSON decodes it, so that it compares with an instantiated template.
func viaJSON(t *testing.T, m map[string]any) map[string]any {
	t.Helper()
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// renameInputs gives the input artifacts of inst the names of want's, one by one.
func renameInputs(inst, want map[string]any) {
	in, _ := inst["inputs"].(map[string]any)
	win, _ := want["inputs"].(map[string]any)
	if in == nil || win == nil {
		return
	}
	arts, _ := in["artifacts"].([]any)
	warts, _ := win["artifacts"].([]any)
	for i := range arts {
		if i < len(warts) {
			arts[i].(map[string]any)["name"] = warts[i].(map[string]any)["name"]
		}
	}
}

// byName indexes a YAML list of named maps by name.
func byName(list any) map[string]map[string]any {
	out := map[string]map[string]any{}
	l, _ := list.([]any)
	for _, e := range l {
		m := e.(map[string]any)
		out[m["name"].(string)] = m
	}
	return out
}

// TestSharedTemplateNames: shared templates are named shared-1, shared-2, ... (lowercase, as pod
// names must be), never a name a step's own template has: with steps named shared_1 and
// shared_1_1, the first shared template is shared-1-2.
func TestSharedTemplateNames(t *testing.T) {
	w := newFlowWriter("NamesFlow")
	w.step("start", "", "self.next(self.shared_1)")
	w.step("shared_1", "", "self.next(self.shared_1_1)")
	w.step("shared_1_1", "", "self.next(self.a)")
	w.step("a", "", "self.next(self.b)")
	w.step("b", "", "self.next(self.end)")
	w.step("end", "", "pass")
	o := testOptions()
	o.Config.Templates = settings.TemplatesShared
	out, diags := driver.Compile(loadSource(t, w.String())[0], o)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var names []string
	for _, line := range strings.Split(string(out.Files[out.Name+".yaml"]), "\n") {
		if n, ok := strings.CutPrefix(line, "  - name: "); ok {
			names = append(names, n)
		}
	}
	if got := strings.Join(names, " "); got != "Main start shared-1-2 end" {
		t.Errorf("templates %s, want Main start shared-1-2 end", got)
	}
}
