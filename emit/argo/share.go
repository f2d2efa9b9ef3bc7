package argo

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// Shared templates (flowc.yaml's `templates: shared`, and `auto` when a template per step would
// pass Argo's default Workflow size). A step's container template spells out a few names: the
// step's own (its args, its state's key, its pod label), its parents' (their input artifacts'
// paths and keys, --in) and its successors' (--next). Everything else in it follows from its
// shape: its foreach depth, its inputs' kinds, its fan-out, its decorators, its image. Steps
// whose templates are equal once those names are replaced by input parameters run one template,
// named shared-N in order of first use, and each step's DAG task passes its names as the
// parameters' values. The name is lowercase: Argo names a pod after its template, and a pod's
// name is an RFC 1123 subdomain (so a step's pods are found by their flowc.dev/step label). Argo substitutes a template's {{inputs.parameters...}} everywhere in it
// before the pod is made (workflow/common: ProcessArgs, SubstituteParams), so every pod gets the
// labels, artifacts and command line it gets from a template of its own.
//
// The parameters: step (the step's name), label (its flowc.dev/step label), in0, in1, ... (each
// parent, in the order of --in) and next (the --next value). A template shared this way costs a
// task about a third of what a template of its own costs.

// shape is one step's template with its names replaced by input parameters.
type shape struct {
	step   string
	own    *Template   // the step's own template
	shared *Template   // the template with parameters in the names' places, unnamed
	key    string      // shared as JSON: steps with equal keys share one template
	values []Parameter // the step's names, as the values of shared's parameters
}

// inputRef is a reference to the template's input parameter name.
func inputRef(name string) string { return "{{inputs.parameters." + name + "}}" }

// shapeOf is step s's shape, with own its own template.
func (e *emitter) shapeOf(s *ir.Step, sh stepcmd.Shape, own *Template) shape {
	value := func(name, v string) Parameter { return Parameter{Name: name, Value: &v} }
	n := stepNames{step: inputRef("step"), label: inputRef("label")}
	values := []Parameter{value("step", s.Name), value("label", labelValue(s.Name))}
	for i, in := range sh.Inputs {
		name := fmt.Sprintf("in%d", i)
		n.parents = append(n.parents, inputRef(name))
		n.artifacts = append(n.artifacts, name)
		values = append(values, value(name, in.Parent))
	}
	if len(s.Next) > 0 {
		n.next = inputRef("next")
		values = append(values, value("next", strings.Join(s.Next, ",")))
	}
	t := e.stepTemplate(s, sh, n)
	if t.Inputs == nil {
		t.Inputs = &Inputs{}
	}
	for _, v := range values {
		t.Inputs.Parameters = append(t.Inputs.Parameters, Parameter{Name: v.Name})
	}
	key, err := json.Marshal(t)
	if err != nil {
		panic(err) // a Template holds only strings, numbers, maps and slices
	}
	return shape{step: s.Name, own: own, shared: t, key: string(key), values: values}
}

// shareTemplates replaces the templates of steps of one shape with one template, in the place
// of the first step's, when two or more steps have that shape. A step alone in its shape keeps
// its own template.
func (e *emitter) shareTemplates() {
	count := map[string]int{}
	for _, sh := range e.shapes {
		count[sh.key]++
	}
	byOwn := map[*Template]shape{}
	for _, sh := range e.shapes {
		byOwn[sh.own] = sh
	}
	names := map[string]string{} // shape key to shared template name
	var out []*Template
	for _, t := range e.templates {
		sh, ok := byOwn[t]
		if !ok || count[sh.key] < 2 {
			out = append(out, t)
			continue
		}
		name, done := names[sh.key]
		if !done {
			name = e.sharedName(len(names) + 1)
			names[sh.key] = name
			sh.shared.Name = name
			out = append(out, sh.shared)
		}
		task := e.tasks[sh.step]
		task.Template = name
		if task.Arguments == nil {
			task.Arguments = &Arguments{}
		}
		task.Arguments.Parameters = append(task.Arguments.Parameters, sh.values...)
	}
	e.templates = out
}

// sharedName is the name of the n-th shared template: shared-N, or, when a step's template has
// that name (a step named shared_N), the first of shared-N-1, shared-N-2, ... that none has.
func (e *emitter) sharedName(n int) string {
	taken := map[string]bool{}
	for _, t := range e.templates {
		taken[t.Name] = true
	}
	name := fmt.Sprintf("shared-%d", n)
	for i := 1; taken[name]; i++ {
		name = fmt.Sprintf("shared-%d-%d", n, i)
	}
	return name
}
