package argo

import (
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
)

// ObjectName is the name of a flow's WorkflowTemplate (and of its output file): the flow's
// name, after its @project name and branch when it has one, as an RFC 1123 label.
func ObjectName(f *ir.Flow) string { return ir.DNSName(qualifiedName(f), maxObjectName) }

// cronName is the CronWorkflow's name, shorter because the controller adds a suffix.
func cronName(f *ir.Flow) string { return ir.DNSName(qualifiedName(f), maxCronName) }

func qualifiedName(f *ir.Flow) string {
	project, branch := projectOf(f)
	parts := []string{}
	if project != "" {
		parts = append(parts, project)
		if branch != "prod" {
			parts = append(parts, branch)
		}
	}
	return strings.Join(append(parts, f.Name), "-")
}

// projectOf reads @project: its name, and the branch ("prod" for production=True or when no
// branch is named, as flowc has no user name to fall back on).
func projectOf(f *ir.Flow) (project, branch string) {
	d := f.Decorator("project")
	if d == nil {
		return "", ""
	}
	project, _ = str(d, "name")
	branch = "prod"
	if b, ok := str(d, "branch"); ok {
		branch = b
	}
	if a := d.Arg("production"); a != nil && a.Value.Kind == ir.ValBool && a.Value.Bool {
		branch = "prod"
	}
	return project, branch
}

// objects wraps the templates in the WorkflowTemplate or Workflow, and adds the CronWorkflow of a
// scheduled flow's template.
func (e *emitter) objects() []Object {
	kind := e.o.Kind
	if kind == "" {
		kind = KindWorkflowTemplate
	}
	name := ObjectName(e.f)
	meta := Metadata{Name: name, Namespace: e.o.Namespace, Labels: e.labels(), Annotations: e.annotations()}
	if kind == KindWorkflow {
		meta.Name, meta.GenerateName = "", name+"-"
	}
	spec := e.workflowSpec()
	spec.Entrypoint, spec.Arguments = entryTemplate, e.arguments()
	spec.TemplateDefaults, spec.Templates = e.hoist()
	out := []Object{{APIVersion: apiVersion, Kind: kind, Metadata: meta, Spec: spec}}
	if cron, tz, ok := ir.Schedule(e.f); ok && kind == KindWorkflowTemplate {
		cmeta := meta
		cmeta.Name = cronName(e.f)
		out = append(out, Object{APIVersion: apiVersion, Kind: "CronWorkflow", Metadata: cmeta, Spec: &CronWorkflowSpec{
			Schedules: []string{cron}, Timezone: tz, ConcurrencyPolicy: "Forbid",
			WorkflowSpec: WorkflowSpec{WorkflowTemplateRef: &WorkflowTemplateRef{Name: name}},
		}})
	}
	return out
}

// workflowSpec holds the workflow-level settings from flags and flowc.yaml.
func (e *emitter) workflowSpec() *WorkflowSpec {
	w := e.o.Workflow
	spec := &WorkflowSpec{
		ServiceAccountName: e.o.ServiceAccount,
		Parallelism:        w.Parallelism,
		ActiveDeadline:     w.TimeoutSeconds,
	}
	for _, s := range w.ImagePullSecrets {
		spec.ImagePullSecrets = append(spec.ImagePullSecrets, LocalObjectRef{Name: s})
	}
	if w.TTLSeconds > 0 {
		spec.TTLStrategy = &TTLStrategy{SecondsAfterCompletion: w.TTLSeconds}
	}
	if w.PodGC != "" {
		spec.PodGC = &PodGC{Strategy: w.PodGC}
	}
	if w.ArtifactRepositoryConfigMap != "" || w.ArtifactRepositoryKey != "" {
		spec.ArtifactRepoRef = &ArtifactRepoRef{ConfigMap: w.ArtifactRepositoryConfigMap, Key: w.ArtifactRepositoryKey}
	}
	return spec
}

func (e *emitter) labels() map[string]string {
	l := map[string]string{
		"app.kubernetes.io/managed-by": "flowc",
		"flowc.dev/flow":               labelValue(e.f.Name),
	}
	if project, branch := projectOf(e.f); project != "" {
		l["flowc.dev/project"] = labelValue(project)
		l["flowc.dev/branch"] = labelValue(branch)
	}
	for k, v := range e.o.Labels {
		l[k] = v
	}
	return l
}

func (e *emitter) annotations() map[string]string {
	a := map[string]string{"flowc.dev/flow-class": e.f.Name}
	if e.o.Source != "" {
		a["flowc.dev/source"] = e.o.Source
	}
	for k, v := range e.o.Annotations {
		a[k] = v
	}
	return a
}

// arguments declares the flow's parameters. A required parameter with no default has no value,
// so that Argo asks the submitter for one.
func (e *emitter) arguments() *Arguments {
	if len(e.f.Params) == 0 {
		return nil
	}
	args := &Arguments{}
	for _, p := range e.f.Params {
		// The template-syntax check keeps "{{" out of help texts and defaults.
		ap := Parameter{Name: p.Name, Description: p.Help}
		if v, ok := p.DefaultValue(); ok || !p.Required {
			// An optional parameter without a literal default (None, or computed by a function)
			// is "": the runtime reads it as not given and takes the flow's own default.
			ap.Value = &v
		}
		args.Parameters = append(args.Parameters, ap)
	}
	return args
}
