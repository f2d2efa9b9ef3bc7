// Package argo turns a checked flow into Argo Workflows manifests: a WorkflowTemplate (or a
// Workflow) whose entry template is a DAG of one container template per step (or one per shape
// of step, share.go), with each foreach body as a sub-DAG fanned out with withParam, nested as
// the foreach bodies nest.
package argo

import (
	"fmt"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/settings"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// Kinds of the main object.
const (
	KindWorkflowTemplate = "WorkflowTemplate"
	KindWorkflow         = "Workflow"
	apiVersion           = "argoproj.io/v1alpha1"
	entryTemplate        = "Main" // uppercase: no step's template can take the name
	inDir                = "/flowc/in"
	outDir               = "/flowc/out"
)

// Options are the settings that do not come from the flow's source.
type Options struct {
	Kind           string            // KindWorkflowTemplate (the default) or KindWorkflow
	Image          string            // the image every step runs in
	StepImages     map[string]string // a step's own image (its own @pypi/@conda packages), by step name
	FlowFile       string            // the flow's file name inside the image's working directory
	Source         string            // the source file, slash-separated and relative, for annotations
	Namespace      string
	ServiceAccount string
	Labels         map[string]string
	Annotations    map[string]string
	Workflow       WorkflowOptions
}

// WorkflowOptions are workflow-level settings, from flags and flowc.yaml; internal/settings owns
// them so that config never imports a backend.
type WorkflowOptions = settings.WorkflowOptions

// Emit builds the manifests of a flow that passed the checks, main object first. Every name
// collision is the name check's to report, so Emit itself cannot fail.
func Emit(f *ir.Flow, o Options) []Object {
	switch o.Workflow.Templates {
	case settings.TemplatesShared:
		return emit(f, o, true)
	case settings.TemplatesPerStep:
		return emit(f, o, false)
	}
	objs := emit(f, o, false)
	if n, err := StoredSize(objs[0]); err == nil && n > MaxWorkflowBytes {
		return emit(f, o, true)
	}
	return objs
}

// emit builds the manifests with a container template per step, or with steps of one shape
// sharing a template.
func emit(f *ir.Flow, o Options, share bool) []Object {
	e := &emitter{f: f, o: o, order: f.Order, share: share, tasks: map[string]*Task{}}
	e.dag("", 0)
	for _, s := range e.order {
		e.container(s)
	}
	if share {
		e.shareTemplates()
	}
	return e.objects()
}

type emitter struct {
	f         *ir.Flow
	o         Options
	order     []*ir.Step
	templates []*Template
	share     bool             // steps of one shape share a template
	tasks     map[string]*Task // each step's DAG task, by step name
	shapes    []shape          // with share, each step's shape, in order
}

// stack is the foreach bodies step name runs in, outermost first (ir.Step.Stack).
func (e *emitter) stack(name string) []string {
	if s := e.f.Step(name); s != nil {
		return s.Stack
	}
	return nil
}

// indexParam names the input parameter carrying the index of the foreach body at depth k.
func indexParam(k int) string { return fmt.Sprintf("i%d", k) }

// scopeOf is the foreach step whose body step s runs in, "" for the top level.
func (e *emitter) scopeOf(s string) string {
	st := e.stack(s)
	if len(st) == 0 {
		return ""
	}
	return st[len(st)-1]
}

// dag adds the DAG template of one scope: the top level, or the body of foreach step scope.
func (e *emitter) dag(scope string, depth int) {
	t := &Template{Name: entryTemplate, DAG: &DAG{}}
	if scope != "" {
		t.Name = bodyName(scope)
		t.Inputs = &Inputs{Parameters: indexParams(depth)}
	}
	e.templates = append(e.templates, t)
	for _, s := range e.order {
		if e.scopeOf(s.Name) != scope {
			continue
		}
		task := &Task{
			Name: TemplateName(s.Name), Template: TemplateName(s.Name),
			Depends: e.depends(s, depth), Arguments: passIndexes(depth, ""),
		}
		e.tasks[s.Name] = task
		t.DAG.Tasks = append(t.DAG.Tasks, task)
		if s.Foreach != "" {
			t.DAG.Tasks = append(t.DAG.Tasks, &Task{
				Name: bodyName(s.Name), Template: bodyName(s.Name), Depends: TemplateName(s.Name),
				WithParam: fmt.Sprintf("{{tasks.%s.outputs.parameters.foreach}}", TemplateName(s.Name)),
				Arguments: passIndexes(depth, "{{item}}"),
			})
			e.dag(s.Name, depth+1)
		}
	}
}

// depends lists the tasks of s's own scope that must finish first: its parents there, and for a
// foreach join the fan-out task of the body it closes. The foreach step that starts a body is
// outside the body's DAG, so the body's first step depends on nothing.
func (e *emitter) depends(s *ir.Step, depth int) string {
	var deps []string
	seen := map[string]bool{}
	for _, p := range s.In {
		ps := e.stack(p)
		var d string
		switch {
		case len(ps) == depth:
			d = TemplateName(p)
		case len(ps) > depth:
			d = bodyName(ps[depth])
		default:
			continue
		}
		if !seen[d] {
			seen[d] = true
			deps = append(deps, d)
		}
	}
	return strings.Join(deps, " && ")
}

func indexParams(depth int) []Parameter {
	var ps []Parameter
	for k := 0; k < depth; k++ {
		ps = append(ps, Parameter{Name: indexParam(k)})
	}
	return ps
}

// passIndexes hands a task the indexes of the bodies it runs in, plus item for a fan-out.
func passIndexes(depth int, item string) *Arguments {
	var ps []Parameter
	for k := 0; k < depth; k++ {
		v := fmt.Sprintf("{{inputs.parameters.%s}}", indexParam(k))
		ps = append(ps, Parameter{Name: indexParam(k), Value: &v})
	}
	if item != "" {
		ps = append(ps, Parameter{Name: indexParam(depth), Value: &item})
	}
	if len(ps) == 0 {
		return nil
	}
	return &Arguments{Parameters: ps}
}

// container adds the container template of one step, and its shape for sharing (share.go).
func (e *emitter) container(s *ir.Step) {
	sh := stepcmd.ShapeOf(e.f, s)
	t := e.stepTemplate(s, sh, ownNames(s, sh))
	e.templates = append(e.templates, t)
	if e.share {
		e.shapes = append(e.shapes, e.shapeOf(s, sh, t))
	}
}

// stepNames are the names a step's container template spells out: the step's own, its parents'
// and its successors'. A step's own template has them written in; a shared template has Argo's
// input parameters in their places (share.go).
type stepNames struct {
	template, label, step string
	next                  string   // the --next value, "" for the end step
	parents               []string // per input of the step's shape: the parent step's name
	artifacts             []string // per input: the input artifact's name
}

// ownNames are step s's names, written in.
func ownNames(s *ir.Step, sh stepcmd.Shape) stepNames {
	n := stepNames{template: TemplateName(s.Name), label: labelValue(s.Name), step: s.Name, next: strings.Join(s.Next, ",")}
	for _, in := range sh.Inputs {
		n.parents = append(n.parents, in.Parent)
		n.artifacts = append(n.artifacts, TemplateName(in.Parent))
	}
	return n
}

// stepTemplate is the container template of step s, of shape sh, spelling its names as n says.
func (e *emitter) stepTemplate(s *ir.Step, sh stepcmd.Shape, n stepNames) *Template {
	depth := len(s.Stack)
	t := &Template{
		Name:     n.template,
		Metadata: &TemplateMeta{Labels: map[string]string{"flowc.dev/step": n.label}},
		// Optional: a failed attempt writes no state, and Argo's executor would log a missing
		// artifact as an error beside the step's real one.
		Outputs: &Outputs{Artifacts: []Artifact{{
			Name: "state", Path: outDir, Optional: true, Archive: &Archive{None: &struct{}{}},
		}}},
	}
	e.locate(&t.Outputs.Artifacts[0], n.step, depth)
	if depth > 0 || len(sh.Inputs) > 0 {
		t.Inputs = &Inputs{Parameters: indexParams(depth)}
	}
	named := sh
	named.Inputs = make([]stepcmd.Input, len(sh.Inputs))
	for i, in := range sh.Inputs {
		named.Inputs[i] = stepcmd.Input{Parent: n.parents[i], Foreach: in.Foreach}
		a := Artifact{Name: n.artifacts[i], Path: podBinder{}.InputDir(n.parents[i])}
		e.locate(&a, n.parents[i], min(len(e.stack(in.Parent)), depth))
		t.Inputs.Artifacts = append(t.Inputs.Artifacts, a)
	}
	if s.Foreach != "" {
		t.Outputs.Parameters = []Parameter{{Name: "foreach", ValueFrom: &ValueFrom{Path: outDir + "/foreach.json"}}}
	}
	// The command line's shared part is every container's command, in templateDefaults (hoist).
	// Own reads a step's name, transition and foreach variable: the first two as n spells them.
	step := &ir.Step{Name: n.step, Foreach: s.Foreach}
	if n.next != "" {
		step.Next = []string{n.next}
	}
	argv := kubeLiterals(stepcmd.Own(step, named, podBinder{depth: depth}))
	image := e.o.Image
	if own := e.o.StepImages[s.Name]; own != "" {
		image = own
	}
	t.Container = &Container{Image: image, Args: argv}
	e.applyDecorators(s, t)
	return t
}

// stateKey is the artifact key of a step's state: one prefix per run and step, then the indexes
// of the foreach bodies it runs in, so that a foreach join reads all children under one prefix.
func stateKey(step string, depth int) string {
	idx := make([]string, depth)
	for k := range idx {
		idx[k] = fmt.Sprintf("{{inputs.parameters.%s}}", indexParam(k))
	}
	return "{{workflow.name}}/" + stepcmd.StatePath(step, idx)
}

// podBinder binds a step's command line to the pod: artifact paths and Argo's template values.
type podBinder struct{ depth int }

func (b podBinder) InRoot() string           { return inDir }
func (b podBinder) InputDir(p string) string { return inDir + "/" + p }
func (b podBinder) OutDir() string           { return outDir }
func (b podBinder) Index() string {
	return fmt.Sprintf("{{inputs.parameters.%s}}", indexParam(b.depth-1))
}

// Param hands the value over base64-encoded: Argo substitutes a step's fields more than once, so
// a value holding "{{" would be read as a template again; base64 holds no braces.
func (b podBinder) Param(name string) string {
	return fmt.Sprintf("{{=sprig.b64enc(workflow.parameters['%s'])}}", name)
}
