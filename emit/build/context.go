// Package build turns a flow into its container build spec: a self-contained build context (the
// flow file, the local modules it imports, requirements.txt, flowc's runtime), a Dockerfile, and
// the image reference the manifests use, tagged with the content hash of the context so that the
// YAML changes exactly when the image must.
package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
	pyruntime "github.com/flowc-dev/flowc/internal/runtime/python"
)

// Options are the build settings that do not come from the flow.
type Options struct {
	BaseImage string
	Include   []Include // data files the image must hold, from flowc.yaml
	MaxBytes  int64     // the context's cap; 0 means MaxContextBytes
	// Runtime is the step runtime's files; nil means the runtime embedded in flowc. The golden
	// tests pin it, so that an edit of the runtime changes one golden instead of every one.
	Runtime map[string][]byte
	// GoPin stands in for files of a Go flow's module in the same way: given a context path, it
	// returns the file's stand-in and true, or false to keep the file. The golden tests pin
	// flowc's own go.mod, go.sum and the Go SDK's sources, which every Go test flow's module is.
	GoPin func(path string) ([]byte, bool)
	// GoImage and GoRuntimeImage are a Go flow's builder and runtime images; "" means the
	// defaults (golang:<go.mod's go version>, DefaultGoRuntime).
	GoImage, GoRuntimeImage string
}

// Context is a flow's build context: every file the image is built from, by slash path.
type Context struct {
	Files    map[string][]byte
	FlowFile string // the flow's file name inside the context and the image's working directory
	// StepRequirements maps a step with packages of its own (@pypi, @conda) to the id of its
	// requirements set: its image is built with --build-arg FLOWC_REQUIREMENTS=<id> and tagged
	// <image>-<id>. Steps without own packages run in the flow's image.
	StepRequirements map[string]string

	stepNames []string
}

func stepNames(f *ir.Flow) []string {
	out := make([]string, len(f.Steps))
	for i, s := range f.Steps {
		out[i] = s.Name
	}
	return out
}

// Files written next to the context that are not part of the image.
const (
	ImageFile = "image.txt"
	workDir   = "/flowc/app"
)

// NewContext gathers a Python flow's build context. path is the flow file on disk and src its
// content. The flow's directory is its root: the local modules it imports are found there,
// with requirements.txt and the data files that o.Include declares, and nothing is read from
// outside it.
func NewContext(f *ir.Flow, path string, src []byte, o Options) (*Context, diag.List) {
	c := &Context{Files: map[string][]byte{}, FlowFile: filepath.Base(path), stepNames: stepNames(f)}
	if err := checkName(c.FlowFile); err != nil {
		return nil, diag.List{diag.Errorf(f.Pos, nameCheck(c.FlowFile), "the flow's file cannot go into an image: %v", err)}
	}
	if err := CheckImage(o.BaseImage); err != nil {
		return nil, diag.List{diag.Errorf(f.Pos, diag.Build, "base image: %v", err)}
	}
	c.Files[c.FlowFile] = src
	dir := filepath.Dir(path)
	root, err := newSource(dir, o.MaxBytes)
	if err != nil {
		return nil, diag.List{diag.Errorf(f.Pos, diag.Build, "cannot read the flow's directory: %v", err)}
	}
	root.total = int64(len(src))
	diags := c.addModules(root, f.Modules)
	var base []byte
	switch k, err := root.kind("requirements.txt"); {
	case err != nil:
		diags = append(diags, diag.Errorf(f.Pos, diag.Build, "cannot copy requirements.txt into the build context: %v", err))
	case k == "file":
		req, err := root.read("requirements.txt")
		if err != nil {
			diags = append(diags, diag.Errorf(f.Pos, diag.Build, "cannot copy requirements.txt into the build context: %v", err))
		}
		base = req
	}
	diags = append(diags, c.includes(root, dir, o.Include)...)
	reqs, rd := FlowRequirements(f)
	diags = append(diags, rd...)
	hasReq := c.addRequirements(base, reqs)
	// Without any requirements, a third-party import is surely missing from the image; with
	// some (the flow's or a step's own), which package provides it is not known here.
	if len(f.ThirdParty) > 0 && !hasReq && len(c.StepRequirements) == 0 {
		diags = append(diags, thirdPartyWarnings(f.ThirdParty, c.FlowFile)...)
	}
	runtime := o.Runtime
	if runtime == nil {
		runtime = pyruntime.Files()
	}
	for p, data := range runtime {
		c.Files[p] = data
	}
	c.Files["Dockerfile"] = []byte(dockerfile(o.BaseImage, c.FlowFile, hasReq, c.stepRequirementFiles()))
	c.Files[".dockerignore"] = []byte(dockerignore)
	return c, diags
}

// addModules copies the local modules the frontend found (ir.Flow.Modules) into the context,
// within its cap; what cannot go in is an error at the import that needs it.
func (c *Context) addModules(root *source, mods []ir.Module) diag.List {
	var diags diag.List
	for _, m := range mods {
		err := checkName(m.Path)
		switch {
		case m.Err != "":
			err = errors.New(m.Err)
		case err == nil:
			err = root.take(m.Path, len(m.Src))
		}
		if err != nil {
			diags = append(diags, diag.Errorf(m.Pos, diag.Build, "cannot copy the imported module %s into the build context: %v", m.Path, err))
			continue
		}
		c.Files[m.Path] = m.Src
	}
	return diags
}

// nameCheck is the check id of a bad file name: braces are template syntax.
func nameCheck(name string) diag.ID {
	if strings.Contains(name, "{{") || strings.Contains(name, "}}") {
		return diag.TemplateSyntax
	}
	return diag.Build
}

// Hash is the content hash of the context: every file's path and bytes, in path order.
func (c *Context) Hash() string {
	paths := make([]string, 0, len(c.Files))
	for p := range c.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	h := sha256.New()
	for _, p := range paths {
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(c.Files[p]))
		h.Write(c.Files[p])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// AddImage records the image reference next to the context, for build scripts.
func (c *Context) AddImage(ref string) { c.Files[ImageFile] = []byte(ref + "\n") }

const dockerignore = "Dockerfile\n.dockerignore\n" + ImageFile + "\n" + StepImagesFile + "\n.flowc-output\n**/__pycache__\n"

// dockerfile is a Python flow's Dockerfile. The base image is a parsed reference (CheckImage)
// and every other word is flowc's own; COPY and RUN take the JSON form, which BuildKit reads
// as exactly these words.
func dockerfile(base, flowFile string, requirements bool, perStep []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Built by flowc for %s. Build from this directory: docker build -t \"$(cat %s)\" .\n", strconv.Quote(flowFile), ImageFile)
	fmt.Fprintf(&b, "FROM %s\n", base)
	fmt.Fprintf(&b, "WORKDIR %s\n", workDir)
	b.WriteString("ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1\n")
	if requirements {
		b.WriteString(`COPY ["requirements.txt", "./"]` + "\n")
		b.WriteString(`RUN ["pip", "install", "--no-cache-dir", "-r", "requirements.txt"]` + "\n")
	}
	if len(perStep) > 0 {
		fmt.Fprintf(&b, "# Steps with packages of their own: for each line \"ID IMAGE\" of %s, docker build --build-arg FLOWC_REQUIREMENTS=ID -t IMAGE .\n", StepImagesFile)
		// A step's own packages (@pypi, @conda), chosen by the build argument: the argument is a
		// hex id, and no user string reaches this file.
		b.WriteString("ARG FLOWC_REQUIREMENTS=\"\"\n")
		words := append(append([]string{}, perStep...), "./requirements/")
		for i, w := range words {
			words[i] = strconv.Quote(w) // hex ids and flowc's own path: no escapes arise
		}
		b.WriteString("COPY [" + strings.Join(words, ", ") + "]\n")
		b.WriteString("RUN if [ -n \"$FLOWC_REQUIREMENTS\" ]; then pip install --no-cache-dir -r \"requirements/$FLOWC_REQUIREMENTS.txt\"; fi\n")
	}
	b.WriteString(`COPY [".", "./"]` + "\n")
	return b.String()
}
