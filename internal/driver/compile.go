package driver

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/emit/argo"
	"github.com/flowc-dev/flowc/emit/build"
	"github.com/flowc-dev/flowc/internal/config"
	"github.com/flowc-dev/flowc/internal/diag"
)

// Options are the settings of one compile, flags already merged over flowc.yaml.
type Options struct {
	Kind   string // argo.KindWorkflowTemplate or argo.KindWorkflow
	Config *config.Config
	Load   LoadOptions
	// Runtime replaces the embedded Python step runtime in build contexts (build.Options.Runtime),
	// and GoPin files of a Go flow's module (build.Options.GoPin): for the golden tests.
	Runtime map[string][]byte
	GoPin   func(path string) ([]byte, bool)
}

// Output is what one flow compiles to: files relative to the output directory.
type Output struct {
	Flow  *Flow
	Name  string            // the flow's object name, which names its files
	Files map[string][]byte // "<name>.yaml" and the build spec under "<name>/"
}

// Paths lists the output's file names in a stable order.
func (o *Output) Paths() []string {
	var ps []string
	for p := range o.Files {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}

// Compile emits the manifests and build spec of a flow that passed the checks.
func Compile(fl *Flow, o Options) (*Output, diag.List) {
	cfg := o.Config
	ctx, diags := buildContext(fl, cfg, o)
	if diags.HasErrors() {
		return nil, diags
	}
	if d := fl.IR.Decorator("schedule"); d != nil && o.Kind == argo.KindWorkflow {
		// A Workflow runs once when created; only a WorkflowTemplate has a CronWorkflow.
		diags = append(diags, diag.Warningf(d.Pos, diag.Decorator, "@schedule is ignored with --kind workflow: a Workflow runs once when created").
			Suggest("compile a WorkflowTemplate (the default) to get its CronWorkflow"))
	}
	image := cfg.ImageRepo + ":" + ctx.Hash()
	ctx.AddImage(image)
	source := sourcePath(cfg.Root, fl.Path)
	if strings.Contains(source, "{{") || strings.Contains(source, "}}") {
		// The path is written into the manifests' annotations, where Argo substitutes.
		return nil, append(diags, diag.Errorf(fl.IR.Pos, diag.TemplateSyntax,
			"the flow's path %q contains braces, which Argo would read as a template", source).Suggest("rename the file or its directory"))
	}
	stepImages := ctx.AddStepImages(image)
	objs := argo.Emit(fl.IR, argo.Options{
		Kind:           o.Kind,
		Image:          image,
		StepImages:     stepImages,
		FlowFile:       ctx.FlowFile,
		Source:         source,
		Namespace:      cfg.Namespace,
		ServiceAccount: cfg.ServiceAccount,
		Labels:         cfg.Labels,
		Annotations:    cfg.Annotations,
		Workflow:       cfg.WorkflowOptions,
	})
	yml, err := argo.Marshal(objs)
	if err != nil {
		return nil, append(diags, diag.Errorf(fl.IR.Pos, diag.Internal, "cannot write YAML: %v", err))
	}
	diags = append(diags, checkSize(fl, objs)...)
	if diags.HasErrors() {
		return nil, diags
	}
	name := argo.ObjectName(fl.IR)
	out := &Output{Flow: fl, Name: name, Files: map[string][]byte{name + ".yaml": yml}}
	for p, data := range ctx.Files {
		out.Files[name+"/"+p] = data
	}
	return out, diags
}

// BuildContext gathers a flow's build context with the frontend's own rules: a Python flow's
// file and local modules, or a Go flow's module packages.
func BuildContext(fl *Flow, cfg *config.Config) (*build.Context, diag.List) {
	return buildContext(fl, cfg, Options{})
}

func buildContext(fl *Flow, cfg *config.Config, o Options) (*build.Context, diag.List) {
	if fl.IR.Lang == ir.Go {
		return build.NewGoContext(fl.IR, filepath.Dir(fl.Path), build.Options{GoImage: cfg.GoImage, GoRuntimeImage: cfg.GoRuntimeImage, GoPin: o.GoPin})
	}
	ctx, diags := build.NewContext(fl.IR, fl.Path, fl.Src, build.Options{BaseImage: cfg.BaseImage, Include: includes(cfg), Runtime: o.Runtime})
	if ctx != nil {
		diags = append(diags, addMetaflowFiles(fl, ctx)...)
	}
	return ctx, diags
}

// includes are flowc.yaml's data-file globs, relative to its directory.
func includes(cfg *config.Config) []build.Include {
	var out []build.Include
	for i, p := range cfg.Include {
		inc := build.Include{Pattern: p, Base: filepath.Dir(cfg.File)}
		if i < len(cfg.IncludePos) {
			inc.Pos = cfg.IncludePos[i]
		}
		out = append(out, inc)
	}
	return out
}

// sourcePath is the flow's file relative to the repository root, slash-separated, so that the
// annotation is the same on every machine; without a root it is the file's base name.
func sourcePath(root, path string) string {
	abs, err1 := filepath.Abs(path)
	absRoot, err2 := filepath.Abs(root)
	if err1 == nil && err2 == nil && root != "" {
		if rel, err := filepath.Rel(absRoot, abs); err == nil && filepath.IsLocal(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(path)
}
