package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/flowc-dev/flowc/internal/driver"
	"github.com/flowc-dev/flowc/internal/imagebuild"
)

func runBuild(e *env, args []string) int {
	fs := newFlagSet(e, "build", "[flags] FLOW...\n\n"+
		"Compiles each flow and builds its image from the build spec (Dockerfile and context), tagged\n"+
		"with the reference its manifests name, through BuildKit's buildctl (daemon at $BUILDKIT_HOST)\n"+
		"or docker buildx. With --push, an image the registry already has is not built again.")
	var cf compileFlags
	cf.register(fs)
	push := fs.Bool("push", false, "push each image to its registry")
	var buildArgs multiFlag
	fs.Var(&buildArgs, "build-arg", "NAME=VALUE for the Dockerfile's ARGs, e.g. GOPROXY=URL for a Go flow (repeatable)")
	builder := fs.String("builder", "", "buildctl or docker (default: buildctl when BUILDKIT_HOST is set, else docker)")
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return usageErr(e, "build needs at least one flow file or directory")
	}
	if *builder != "" && !oneOf(*builder, "buildctl", "docker") {
		return usageErr(e, "--builder must be buildctl or docker, not %q", *builder)
	}
	for _, a := range buildArgs {
		if err := imagebuild.CheckArg(a); err != nil {
			return usageErr(e, "--build-arg: %v", err)
		}
	}
	opts, code, ok := cf.options(e, paths)
	if !ok {
		return code
	}
	outs, diags := compileAll(paths, opts)
	printDiags(e, cf.format, diags)
	if diags.HasErrors() {
		return exitFail
	}
	return buildOutputs(e, outs, strings.ToLower(*builder), *push, buildArgs)
}

// buildAll builds and pushes the images of outs with the builder found (flowc apply --build).
func buildAll(e *env, outs []*driver.Output) int { return buildOutputs(e, outs, "", true, nil) }

func buildOutputs(e *env, outs []*driver.Output, builder string, push bool, args []string) int {
	b, err := imagebuild.Detect(e.ctx, builder)
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	for _, o := range outs {
		if code := buildOne(e, b, o, push, args); code != exitOK {
			return code
		}
	}
	return exitOK
}

// buildOne builds one flow's image from its build spec, written to a temporary directory.
func buildOne(e *env, b *imagebuild.Builder, o *driver.Output, push bool, args []string) int {
	image := strings.TrimSpace(string(o.Files[o.Name+"/image.txt"]))
	if image == "" {
		fmt.Fprintf(e.stderr, "flowc: %s: the compiled output has no image.txt\n", o.Name)
		return exitFail
	}
	if push {
		// Not knowing is no reason to stop: the push will say what is wrong with the registry.
		have, err := imagebuild.HasImage(e.ctx, image)
		if err != nil {
			fmt.Fprintf(e.stderr, "flowc: cannot tell whether the registry has %s (%v); building it\n", image, err)
		}
		if have {
			fmt.Fprintf(e.stdout, "%s: %s is in the registry already\n", o.Name, image)
			return exitOK
		}
	}
	tmp, err := os.MkdirTemp("", "flowc-build-")
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	defer os.RemoveAll(tmp)
	if err := writeOutputs(tmp, []*driver.Output{o}); err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(e.stderr, "flowc: building %s for %s with %s\n", image, o.Name, b.Kind)
	if err := b.Build(e.ctx, imagebuild.Spec{Dir: filepath.Join(tmp, o.Name), Image: image, Args: args}, push, e.stderr); err != nil {
		// The spec's temporary directory is gone when this returns: name the flow's own output.
		msg := strings.ReplaceAll(err.Error(), filepath.Join(tmp, o.Name), o.Name)
		fmt.Fprintf(e.stderr, "flowc: %s\n", msg)
		return exitFail
	}
	verb := "built"
	if push {
		verb = "pushed"
	}
	fmt.Fprintf(e.stdout, "%s: %s %s\n", o.Name, verb, image)
	return exitOK
}
