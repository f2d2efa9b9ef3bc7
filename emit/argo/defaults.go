package argo

import (
	"slices"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// hoist moves what every step's container repeats (the image, the shared part of the step
// command line, the run and task id variables) into the workflow's templateDefaults, so that a
// manifest grows by what is particular to each step and a 2,000-step flow stays under what
// Argo runs and Kubernetes stores.
//
// Argo v4.0.5 (workflow/controller/operator.go, mergedTemplateDefaultsInto) merges the defaults
// into each template it runs, before it substitutes the template's {{...}} values: a strategic
// merge patch of the template over the defaults, with the defaults' container kept only for
// container templates. A step's own image or args replace the defaults'; no step sets a
// command, so every container's is the defaults' (stepcmd.Shared: the program, `step` and the
// flags all steps share, parameter values included), and its args are the step's own part;
// env is merged by name (the step's variables, then the defaults'), and a step never sets a name
// the defaults set (FLOWC_ names are flowc's own), so every pod gets the command line and
// variables it got when each template spelled them out (oracle/defaults_test.go merges the
// goldens with Argo's code). Only global values ({{workflow.name}}, {{pod.name}}, the
// workflow's parameters) sit in the defaults: the validator does not read them, and the
// controller substitutes them there as in a template.
func (e *emitter) hoist() (*TemplateDefaults, []*Template) {
	d := &Container{Image: e.o.Image, Command: kubeLiterals(stepcmd.Shared(e.f, e.o.FlowFile, podBinder{}))}
	for _, v := range stepcmd.PodEnv(&ir.Step{}) {
		d.Env = append(d.Env, EnvVar{Name: v.Name, Value: kubeLiteral(v.Value)})
	}
	for _, t := range e.templates {
		if c := t.Container; c != nil {
			if c.Image == d.Image {
				c.Image = ""
			}
			c.Env = slices.DeleteFunc(c.Env, func(v EnvVar) bool { return slices.Contains(d.Env, v) })
			if len(c.Env) == 0 {
				c.Env = nil
			}
		}
	}
	return &TemplateDefaults{Container: d}, e.templates
}

// kubeLiterals is kubeLiteral of each of args, in a new slice.
func kubeLiterals(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = kubeLiteral(a)
	}
	return out
}
