package argo

import (
	"slices"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// hoist moves what every step's container repeats (the image, the entrypoint, the run and task
// id variables) into the workflow's templateDefaults, so that a manifest grows by what is
// particular to each step and a 2,000-step flow stays well under what Kubernetes stores.
//
// Argo v4.0.5 (workflow/controller/operator.go, mergedTemplateDefaultsInto) merges the defaults
// into each template it runs, before it substitutes the template's {{...}} values: a strategic
// merge patch of the template over the defaults, with the defaults' container kept only for
// container templates. A step's own image, command or args replace the defaults'; env is merged
// by name (the step's variables, then the defaults'), and a step never sets a name the defaults
// set (FLOWC_ names are flowc's own), so every pod gets the variables and values it got when
// each template spelled them out (oracle/defaults_test.go merges the goldens with Argo's code). Only global values ({{workflow.name}}, {{pod.name}}) sit
// in the defaults: the validator does not read them, and the controller substitutes them there
// as in a template.
func (e *emitter) hoist() (*TemplateDefaults, []*Template) {
	d := &Container{Image: e.o.Image, Command: stepcmd.Entrypoint(e.f)}
	for _, v := range stepcmd.PodEnv(&ir.Step{}) {
		d.Env = append(d.Env, EnvVar{Name: v.Name, Value: kubeLiteral(v.Value)})
	}
	for _, t := range e.templates {
		if c := t.Container; c != nil {
			if c.Image == d.Image {
				c.Image = ""
			}
			if slices.Equal(c.Command, d.Command) {
				c.Command = nil
			}
			c.Env = slices.DeleteFunc(c.Env, func(v EnvVar) bool { return slices.Contains(d.Env, v) })
			if len(c.Env) == 0 {
				c.Env = nil
			}
		}
	}
	return &TemplateDefaults{Container: d}, e.templates
}
