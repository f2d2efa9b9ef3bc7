package build

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// Images of a Go flow's multi-stage build: the toolchain image compiles the flow's main package
// (its tag follows the go directive of go.mod), the runtime image holds the static binary only.
const (
	DefaultGoBuilder = "golang:1.26"
	DefaultGoRuntime = "gcr.io/distroless/static-debian12"
)

// NewGoContext gathers a Go flow's build context from its module: go.mod, go.sum, and every
// source file of the main module's packages that the flow's main package (in dir) imports,
// directly or not, with the main package itself, as the Go frontend listed them (ir.Flow.GoFiles);
// test files are left out. Paths are relative
// to the module root, and FlowFile is the main package's directory in it ("." at the root).
// Third-party modules are left to `go build` in the image, which downloads them.
func NewGoContext(f *ir.Flow, dir string, o Options) (*Context, diag.List) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, diag.List{diag.Errorf(f.Pos, diag.Build, "cannot find the flow's package: %v", err)}
	}
	root, ok := moduleRoot(abs)
	if !ok {
		return nil, diag.List{diag.Errorf(f.Pos, diag.Build, "no go.mod in %s or above it: a Go flow must be in a module", filepath.ToSlash(dir))}
	}
	src, err := newSource(root, o.MaxBytes)
	if err != nil {
		return nil, diag.List{diag.Errorf(f.Pos, diag.Build, "cannot read the flow's module: %v", err)}
	}
	g := &goContext{c: &Context{Files: map[string][]byte{}}, root: root, flow: f, src: src, pin: o.GoPin}
	g.c.FlowFile = g.rel(abs)
	if g.c.FlowFile != "." {
		if err := checkName(g.c.FlowFile); err != nil {
			return nil, diag.List{diag.Errorf(f.Pos, nameCheck(g.c.FlowFile), "the flow's package cannot go into an image: %v", err)}
		}
	}
	gomod := g.add(filepath.Join(root, "go.mod"))
	g.addIfExists(filepath.Join(root, "go.sum"))
	g.addTree(filepath.Join(root, "vendor")) // a vendored module builds from vendor/
	g.replaces(gomod)
	g.packages()
	builder, runtime := o.GoImage, o.GoRuntimeImage
	if builder == "" {
		builder = goBuilder(gomod)
	}
	if runtime == "" {
		runtime = DefaultGoRuntime
	}
	g.c.Files["Dockerfile"] = []byte(goDockerfile(builder, runtime, g.c.FlowFile))
	g.c.Files[".dockerignore"] = []byte("Dockerfile\n.dockerignore\n" + ImageFile + "\n.flowc-output\n")
	return g.c, g.diags
}

// goContext collects one Go flow's context.
type goContext struct {
	c     *Context
	root  string // the module root
	flow  *ir.Flow
	src   *source // reads the module's files, and nothing outside it
	pin   func(path string) ([]byte, bool)
	diags diag.List
}

// moduleRoot is the nearest directory at or above dir that holds a go.mod.
func moduleRoot(dir string) (string, bool) {
	for d := dir; ; d = filepath.Dir(d) {
		if st, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && !st.IsDir() {
			return d, true
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

// rel is p relative to the module root, slash-separated; "" when p is outside it.
func (g *goContext) rel(p string) string {
	r, err := filepath.Rel(g.root, p)
	if err != nil || !filepath.IsLocal(r) && r != "." {
		return ""
	}
	return filepath.ToSlash(r)
}

// add copies one file of the module into the context and returns its content.
func (g *goContext) add(p string) []byte {
	r := g.rel(p)
	if r == "" {
		return nil
	}
	data, err := g.src.read(r)
	if err != nil {
		g.diags = append(g.diags, diag.Errorf(g.flow.Pos, diag.Build, "cannot copy %s into the build context: %v", r, err))
		return nil
	}
	g.c.Files[r] = data
	if g.pin != nil {
		if stand, ok := g.pin(r); ok {
			g.c.Files[r] = stand // the context holds the stand-in; the caller reads the real file
		}
	}
	return data
}

func (g *goContext) addIfExists(p string) {
	if st, err := os.Stat(p); err == nil && !st.IsDir() {
		g.add(p)
	}
}

// addTree copies every file under dir, when it exists.
func (g *goContext) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			g.add(p)
		}
		return nil
	})
}

// packages adds the module files the flow's package needs, as the frontend's load listed them
// (ir.Flow.GoFiles): those inside the module root; third-party modules are go build's to fetch.
func (g *goContext) packages() {
	for _, file := range g.flow.GoFiles {
		if g.rel(file) != "" {
			g.add(file)
		}
	}
}

// replaceRE matches one replace directive with a local path: `X [v] => ./path` (or ../path, /path).
var replaceRE = regexp.MustCompile(`(?m)^\s*(?:replace\s+)?(\S+)(?:\s+\S+)?\s+=>\s+((?:\.{1,2}|/)\S*)\s*$`)

// replaces adds the go.mod and go.sum of modules replaced by a directory inside the module, and
// warns about directories outside it, which the image build cannot see.
func (g *goContext) replaces(gomod []byte) {
	for _, m := range replaceRE.FindAllSubmatch(gomod, -1) {
		target := filepath.Join(g.root, filepath.FromSlash(string(m[2])))
		if filepath.IsAbs(string(m[2])) {
			target = filepath.Clean(string(m[2]))
		}
		if g.rel(target) == "" {
			g.diags = append(g.diags, diag.Warningf(g.flow.Pos, diag.Build,
				"go.mod replaces %s with %s, outside the module, which the image build cannot see; vendor it (go mod vendor) or move it into the module",
				m[1], m[2]))
			continue
		}
		g.addIfExists(filepath.Join(target, "go.mod"))
		g.addIfExists(filepath.Join(target, "go.sum"))
	}
}

var goDirectiveRE = regexp.MustCompile(`(?m)^go\s+(\d+)\.(\d+)`)

// goBuilder is the toolchain image for the go directive of go.mod: go 1.26.8 builds in golang:1.26.
func goBuilder(gomod []byte) string {
	if m := goDirectiveRE.FindSubmatch(gomod); m != nil {
		return fmt.Sprintf("golang:%s.%s", m[1], m[2])
	}
	return DefaultGoBuilder
}

// goArgs are the go command's settings a build may pass (--build-arg GOPROXY=...): a module
// proxy or private modules of the user's network. Unset, the go command's defaults hold.
var goArgs = []string{"GOPROXY", "GONOSUMDB", "GOPRIVATE", "GOSUMDB"}

// The go command's caches in the builder stage, BuildKit cache mounts.
const (
	goBuildCache = "/root/.cache/go-build"
	goModCache   = "/go/pkg/mod"
)

// goDockerfile is a Go flow's two-stage Dockerfile. The images were checked as references
// (settings.CheckImage) where they were given. The package directory is the only other word
// that comes from the user: it is checked (checkName) and written as a JSON string of RUN's
// exec form, which BuildKit neither splits nor expands.
func goDockerfile(builder, runtime, pkg string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Built by flowc for %s. Build from this directory: docker build -t \"$(cat %s)\" .\n", strconv.Quote(pkg), ImageFile)
	fmt.Fprintf(&b, "FROM %s AS build\n", builder)
	for _, a := range goArgs {
		fmt.Fprintf(&b, "ARG %s\n", a)
	}
	b.WriteString("WORKDIR /src\n")
	b.WriteString(`COPY [".", "."]` + "\n")
	b.WriteString("ENV CGO_ENABLED=0\n")
	// BuildKit keeps the build and module caches between builds, so that the flows of one
	// module (or a flow's next version) do not compile the standard library again each: 3 min
	// to a few seconds on a loaded 2-core machine.
	fmt.Fprintf(&b, "ENV GOCACHE=%s GOMODCACHE=%s\n", goBuildCache, goModCache)
	target, _ := json.Marshal("./" + strings.TrimPrefix(pkg, "./"))
	fmt.Fprintf(&b, `RUN --mount=type=cache,id=flowc-go-build,target=%s --mount=type=cache,id=flowc-go-mod,target=%s ["go", "build", "-trimpath", "-o", "/flow", %s]`+"\n",
		goBuildCache, goModCache, target)
	fmt.Fprintf(&b, "FROM %s\n", runtime)
	b.WriteString(`COPY --from=build ["/flow", "/flow"]` + "\n")
	b.WriteString("ENTRYPOINT [\"/flow\"]\n")
	return b.String()
}
