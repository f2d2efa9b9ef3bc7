// Package compiler is flowc's Go API: it compiles Metaflow-style Python flows and Go flows into
// Argo Workflows manifests and container build specs in process, as `flowc compile` does, for
// build tools written in Go that would rather not run the CLI.
//
// The stages beneath it are importable too, for tools that need one of them: parser/python and
// parser/golang (source -> IR), compiler/ir (the IR), compiler/graph (the resolved step graph),
// compiler/check (the checks), emit/argo and emit/build (IR -> manifests, build context). Compile
// is the supported way to run them together: it applies flowc.yaml, runs every check and refuses
// to emit a flow that failed one.
package compiler

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/flowc-dev/flowc/emit/argo"
	"github.com/flowc-dev/flowc/internal/config"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/internal/driver"
	"github.com/flowc-dev/flowc/internal/settings"
)

// Kinds of the main object a flow compiles to.
const (
	WorkflowTemplate = argo.KindWorkflowTemplate // the default; with @schedule, also a CronWorkflow
	Workflow         = argo.KindWorkflow         // runs once when created
)

// Options are a compile's settings; the zero value compiles as `flowc compile` does by default.
type Options struct {
	Kind string // WorkflowTemplate ("" means it) or Workflow
	// ConfigDir is where flowc.yaml is searched from, upwards to the repository root; "" means
	// from each flow's own directory, as the CLI searches (flows under different flowc.yaml
	// files are then an error: compile them in separate calls).
	ConfigDir string
	// ImageRepo and BaseImage override flowc.yaml's when set, as --image-repo and --base-image do.
	ImageRepo, BaseImage string
	// Configs gives a Metaflow Config's value from a file, by the Config's name (--config NAME=FILE).
	Configs map[string]string
}

// Output is what one flow compiles to.
type Output struct {
	Flow   string            // the flow's class or type name
	Source string            // the flow's source file, as given
	Name   string            // the flow's object name, which names its files
	Files  map[string][]byte // "<Name>.yaml" (the manifests) and the build spec under "<Name>/"
}

// Paths lists the output's file names in a stable order.
func (o *Output) Paths() []string {
	ps := make([]string, 0, len(o.Files))
	for p := range o.Files {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}

// Compile loads the flows in paths (Python files, Go files or packages, or directories to search),
// checks them and compiles each into manifests and a build spec. It returns the outputs and the
// warnings; when any flow has an error it returns no outputs and an *Error holding every
// diagnostic, positioned as the CLI prints them.
func Compile(paths []string, o Options) ([]*Output, []Diagnostic, error) {
	opts, err := options(o, paths)
	if err != nil {
		return nil, nil, err
	}
	outs, diags := driver.CompileAll(paths, opts)
	if diags.HasErrors() {
		return nil, nil, &Error{Diagnostics: public(diags)}
	}
	res := make([]*Output, len(outs))
	for i, out := range outs {
		res[i] = &Output{Flow: out.Flow.IR.Name, Source: out.Flow.Path, Name: out.Name, Files: out.Files}
	}
	return res, public(diags), nil
}

// options turns o into the driver's options: flowc.yaml, then o's overrides.
func options(o Options, paths []string) (driver.Options, error) {
	kind := o.Kind
	switch kind {
	case "":
		kind = WorkflowTemplate
	case WorkflowTemplate, Workflow:
	default:
		return driver.Options{}, fmt.Errorf("kind must be %s or %s, not %q", WorkflowTemplate, Workflow, o.Kind)
	}
	var cfg *config.Config
	var err error
	if o.ConfigDir != "" {
		cfg, err = config.Find(o.ConfigDir)
	} else {
		cfg, err = config.FindFor(paths)
	}
	var cerr *config.Error
	if errors.As(err, &cerr) {
		return driver.Options{}, &Error{Diagnostics: public(cerr.Diags)}
	}
	if err != nil {
		return driver.Options{}, err
	}
	if o.ImageRepo != "" {
		if err := settings.CheckRepository(o.ImageRepo); err != nil {
			return driver.Options{}, fmt.Errorf("image repository: %v", err)
		}
		cfg.ImageRepo = o.ImageRepo
	}
	if o.BaseImage != "" {
		if err := settings.CheckImage(o.BaseImage); err != nil {
			return driver.Options{}, fmt.Errorf("base image: %v", err)
		}
		cfg.BaseImage = o.BaseImage
	}
	load := driver.LoadOptions{Configs: map[string]string{}}
	for name, file := range o.Configs {
		load.Configs[name] = file
	}
	return driver.Options{Kind: kind, Config: cfg, Load: load}, nil
}

// Diagnostic is one finding of the checks or the compile, at a position in a source file.
type Diagnostic struct {
	File      string
	Line, Col int    // 1-based; 0 when the finding is about the whole file
	Severity  string // "error" or "warning"
	Check     string // the stable check id, such as "cycle"
	Message   string
	// Suggestion is how to fix it, when flowc knows: the CLI prints it as a "help:" line.
	Suggestion string
	text       string
}

// String is the one-line form the CLI prints: file:line:col: severity: message [check].
func (d Diagnostic) String() string { return d.text }

// Error is a compile that failed: the diagnostics, errors and warnings, sorted by position.
type Error struct{ Diagnostics []Diagnostic }

func (e *Error) Error() string {
	lines := make([]string, len(e.Diagnostics))
	for i, d := range e.Diagnostics {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

func public(l diag.List) []Diagnostic {
	out := make([]Diagnostic, len(l))
	for i, d := range l {
		out[i] = Diagnostic{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity.String(),
			Check: d.Check.String(), Message: d.Message, Suggestion: d.Suggestion, text: d.String()}
	}
	return out
}
