// Package build turns a flow into its container build spec: a self-contained build context (the
// flow file, the local modules it imports, requirements.txt, flowc's runtime), a Dockerfile, and
// the image reference the manifests use, tagged with the content hash of the context so that the
// YAML changes exactly when the image must.
package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
	pyruntime "github.com/flowc-dev/flowc/internal/runtime/python"
)

// Options are the build settings that do not come from the flow.
type Options struct {
	BaseImage string
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
// content; the local modules it imports are found statically, next to it.
func NewContext(f *ir.Flow, path string, src []byte, o Options) (*Context, diag.List) {
	c := &Context{Files: map[string][]byte{}, FlowFile: filepath.Base(path), stepNames: stepNames(f)}
	c.Files[c.FlowFile] = src
	dir := filepath.Dir(path)
	local, third, diags := localModules(dir, f.Imports, f.File)
	for _, rel := range local {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			diags = append(diags, diag.Errorf(f.Pos, "build", "cannot read local module %s: %v", rel, err))
			continue
		}
		c.Files[rel] = data
	}
	reqs, rd := FlowRequirements(f)
	diags = append(diags, rd...)
	hasReq := c.addRequirements(dir, reqs)
	if len(third) > 0 && !hasReq {
		diags = append(diags, thirdPartyWarnings(f, third, c.FlowFile)...)
	}
	for p, data := range pyruntime.Files() {
		c.Files[p] = data
	}
	c.Files["Dockerfile"] = []byte(dockerfile(o.BaseImage, c.FlowFile, hasReq, c.stepRequirementFiles()))
	c.Files[".dockerignore"] = []byte(dockerignore)
	return c, diags
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

const dockerignore = "Dockerfile\n.dockerignore\n" + ImageFile + "\n" + StepImagesFile + "\n**/__pycache__\n"

func dockerfile(base, flowFile string, requirements bool, perStep []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Built by flowc for %s. Build from this directory: docker build -t \"$(cat %s)\" .\n", flowFile, ImageFile)
	fmt.Fprintf(&b, "FROM %s\n", base)
	fmt.Fprintf(&b, "WORKDIR %s\n", workDir)
	b.WriteString("ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1\n")
	if requirements {
		b.WriteString("COPY requirements.txt ./\n")
		b.WriteString("RUN pip install --no-cache-dir -r requirements.txt\n")
	}
	if len(perStep) > 0 {
		fmt.Fprintf(&b, "# Steps with packages of their own: for each line \"ID IMAGE\" of %s, docker build --build-arg FLOWC_REQUIREMENTS=ID -t IMAGE .\n", StepImagesFile)
		// A step's own packages (@pypi, @conda), chosen by the build argument: the argument is a
		// hex id, and no user string reaches this file.
		b.WriteString("ARG FLOWC_REQUIREMENTS=\"\"\n")
		b.WriteString("COPY " + strings.Join(perStep, " ") + " ./requirements/\n")
		b.WriteString("RUN if [ -n \"$FLOWC_REQUIREMENTS\" ]; then pip install --no-cache-dir -r \"requirements/$FLOWC_REQUIREMENTS.txt\"; fi\n")
	}
	b.WriteString("COPY . ./\n")
	return b.String()
}
