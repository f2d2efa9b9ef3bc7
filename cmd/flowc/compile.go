package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/flowc-dev/flowc/emit/argo"
	"github.com/flowc-dev/flowc/emit/build"
	"github.com/flowc-dev/flowc/internal/config"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/internal/driver"

	"k8s.io/apimachinery/pkg/util/validation"
)

// compileFlags are the flags shared by the commands that compile.
type compileFlags struct {
	kind, imageRepo, baseImage, namespace, serviceAccount, format string
	goImage, goRuntimeImage                                       string
	verbose                                                       bool
	configs                                                       multiFlag
}

func (c *compileFlags) register(fs interface {
	StringVar(*string, string, string, string)
	Var(flag.Value, string, string)
}) {
	fs.Var(&c.configs, "config", "a Config's value from a file, NAME=FILE (repeatable), over the flow's default")
	fs.StringVar(&c.kind, "kind", "workflowtemplate", "main object: workflowtemplate or workflow")
	fs.StringVar(&c.imageRepo, "image-repo", "", "image repository of the step images (default from flowc.yaml, else "+config.DefaultImageRepo+")")
	fs.StringVar(&c.baseImage, "base-image", "", "base image of Python flows (default from flowc.yaml, else "+config.DefaultBaseImage+")")
	fs.StringVar(&c.goImage, "go-image", "", "image Go flows compile in (default from flowc.yaml, else golang:<go.mod's go version>)")
	fs.StringVar(&c.goRuntimeImage, "go-runtime-image", "", "image Go flows run in (default from flowc.yaml, else "+build.DefaultGoRuntime+")")
	fs.StringVar(&c.namespace, "namespace", "", "namespace of the objects (default from flowc.yaml, else none)")
	fs.StringVar(&c.serviceAccount, "service-account", "", "service account the steps run as")
	fs.StringVar(&c.format, "format", "text", "diagnostics format: text or json")
	if bfs, ok := fs.(interface {
		BoolVar(*bool, string, bool, string)
	}); ok {
		bfs.BoolVar(&c.verbose, "v", false, "say which flowc.yaml is used")
	}
}

// options merges the flags over flowc.yaml.
func (c *compileFlags) options(e *env, paths []string) (driver.Options, int, bool) {
	if !oneOf(c.kind, "workflowtemplate", "workflow") {
		return driver.Options{}, usageErr(e, "--kind must be workflowtemplate or workflow, not %q", c.kind), false
	}
	if !oneOf(c.format, "text", "json") {
		return driver.Options{}, usageErr(e, "--format must be text or json, not %q", c.format), false
	}
	cfg, ok := loadConfig(e, paths, c.verbose)
	if !ok {
		return driver.Options{}, exitFail, false
	}
	if code, ok := c.checkImages(e); !ok {
		return driver.Options{}, code, false
	}
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&cfg.ImageRepo, c.imageRepo)
	set(&cfg.BaseImage, c.baseImage)
	set(&cfg.GoImage, c.goImage)
	set(&cfg.GoRuntimeImage, c.goRuntimeImage)
	set(&cfg.Namespace, c.namespace)
	set(&cfg.ServiceAccount, c.serviceAccount)
	kind := argo.KindWorkflowTemplate
	if strings.EqualFold(c.kind, "workflow") {
		kind = argo.KindWorkflow
	}
	load, err := loadOptions(c.configs)
	if err != nil {
		return driver.Options{}, usageErr(e, "%v", err), false
	}
	return driver.Options{Kind: kind, Config: cfg, Load: load}, 0, true
}

// loadOptions reads --config NAME=FILE flags.
func loadOptions(configs []string) (driver.LoadOptions, error) {
	o := driver.LoadOptions{Configs: map[string]string{}}
	for _, c := range configs {
		name, file, ok := strings.Cut(c, "=")
		if !ok || name == "" || file == "" {
			return o, fmt.Errorf("--config %q: want NAME=FILE", c)
		}
		if _, dup := o.Configs[name]; dup {
			return o, fmt.Errorf("--config %s is given twice", name)
		}
		o.Configs[name] = file
	}
	return o, nil
}

// checkImages refuses image flags that are not image references, and names Kubernetes refuses.
func (c *compileFlags) checkImages(e *env) (int, bool) {
	if c.imageRepo != "" {
		if err := build.CheckRepository(c.imageRepo); err != nil {
			return usageErr(e, "--image-repo: %v", err), false
		}
	}
	// The same rules as flowc.yaml's namespace and serviceAccount: a value Kubernetes refuses
	// would compile and fail only at apply.
	for _, f := range []struct {
		flag, value string
		valid       func(string) []string
	}{{"--namespace", c.namespace, validation.IsDNS1123Label}, {"--service-account", c.serviceAccount, validation.IsDNS1123Subdomain}} {
		if f.value == "" {
			continue
		}
		if errs := f.valid(f.value); len(errs) > 0 {
			return usageErr(e, "%s: %q is not a valid name: %s", f.flag, f.value, errs[0]), false
		}
	}
	for _, f := range []struct{ flag, value string }{
		{"--base-image", c.baseImage}, {"--go-image", c.goImage}, {"--go-runtime-image", c.goRuntimeImage},
	} {
		if f.value == "" {
			continue
		}
		if err := build.CheckImage(f.value); err != nil {
			return usageErr(e, "%s: %v", f.flag, err), false
		}
	}
	return 0, true
}

// compileAll loads, checks and compiles every flow in paths (driver.CompileAll).
func compileAll(paths []string, o driver.Options) ([]*driver.Output, diag.List) {
	return driver.CompileAll(paths, o)
}

func runCompile(e *env, args []string) int {
	fs := newFlagSet(e, "compile", "[flags] FLOW...")
	var cf compileFlags
	cf.register(fs)
	outDir := fs.String("o", "-", "output directory, or - for the manifests on stdout")
	check := fs.Bool("check", false, "compare with the files in -o DIR and fail with a diff when they are stale")
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return usageErr(e, "compile needs at least one flow file or directory")
	}
	if *outDir == "" {
		// An unset variable (-o "$OUT") would write into the working directory.
		return usageErr(e, "-o needs a directory, or - for the manifests on stdout")
	}
	if *check && *outDir == "-" {
		return usageErr(e, "--check needs -o DIR, the directory that holds the committed output")
	}
	opts, code, ok := cf.options(e, paths)
	if !ok {
		return code
	}
	outs, diags := compileAll(paths, opts)
	format := cf.format
	if format == "json" && *outDir == "-" {
		format = "json-stderr" // stdout carries the manifests
	}
	printDiags(e, format, diags)
	if diags.HasErrors() {
		return exitFail
	}
	switch {
	case *outDir == "-":
		for _, o := range outs {
			e.stdout.Write(o.Files[o.Name+".yaml"])
		}
		return exitOK
	case *check:
		code := checkOutputs(e, *outDir, outs)
		if code == exitFail {
			fmt.Fprintf(e.stderr, "flowc: to update them, run: %s\n", regenerateCommand(args))
		}
		return code
	}
	if err := writeOutputs(*outDir, outs); err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	return exitOK
}

func runCheck(e *env, args []string) int {
	fs := newFlagSet(e, "check", "[flags] FLOW...")
	format := fs.String("format", "text", "diagnostics format: text or json")
	var configs multiFlag
	fs.Var(&configs, "config", "a Config's value from a file, NAME=FILE (repeatable), over the flow's default")
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return usageErr(e, "check needs at least one flow file or directory")
	}
	if !oneOf(*format, "text", "json") {
		return usageErr(e, "--format must be text or json, not %q", *format)
	}
	load, err := loadOptions(configs)
	if err != nil {
		return usageErr(e, "%v", err)
	}
	cfg, ok := loadConfig(e, paths, false)
	if !ok {
		return exitFail
	}
	// Everything compile reports, build warnings and name collisions included, writing nothing.
	_, diags := compileAll(paths, driver.Options{Kind: argo.KindWorkflowTemplate, Config: cfg, Load: load})
	printDiags(e, *format, diags)
	if diags.HasErrors() {
		return exitFail
	}
	return exitOK
}

// readFile is os.ReadFile that treats a missing file as empty, for diffs against new files.
func readFile(path string) ([]byte, bool) {
	data, err := os.ReadFile(path)
	return data, err == nil
}
