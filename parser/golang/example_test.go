package golang

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/emit/build"
)

// TestDataProcessExample checks that examples/data_process_go reads into the Python example's IR.
// Running it is internal/driver's TestSimulateExample, through the compiled manifests.
func TestDataProcessExample(t *testing.T) {
	dir := filepath.Join(root, "examples", "data_process_go")
	f := loadOne(t, dir)
	want, err := os.ReadFile(filepath.Join(root, "golden", "examples", "data_process", "dataprocessworkflow.ir.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := normalize(f.Dump()); got != normalize(string(want)) {
		t.Errorf("IR differs from the Python example's:\n--- go\n%s--- python\n%s", got, normalize(string(want)))
	}
}

// TestGoBuildContext checks the build context of a Go flow: the module files, the flow's package
// and the local packages it imports (the SDK, here), no tests, and the two-stage Dockerfile. The
// packages are loaded once per compile, by the frontend: the build backend gathers the context
// with no go command to run (an empty PATH).
func TestGoBuildContext(t *testing.T) {
	dir := filepath.Join(root, "testdata", "go", "foreach")
	f := loadOne(t, dir)
	t.Setenv("PATH", "")
	c, diags := build.NewGoContext(f, dir, build.Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	if c.FlowFile != "testdata/go/foreach" {
		t.Errorf("FlowFile = %q", c.FlowFile)
	}
	var paths []string
	for p := range c.Files {
		paths = append(paths, p)
		// The SDK imports the step protocol's leaf (internal/stepcmd/spec) and nothing else of flowc's.
		if strings.HasSuffix(p, "_test.go") || strings.HasPrefix(p, "internal/") && !strings.HasPrefix(p, "internal/stepcmd/spec/") {
			t.Errorf("the context has %s", p)
		}
	}
	sort.Strings(paths)
	for _, p := range []string{"go.mod", "go.sum", "testdata/go/foreach/flow.go", "flow/flow.go", "flow/run.go", "Dockerfile", ".dockerignore"} {
		if _, ok := c.Files[p]; !ok {
			t.Errorf("the context lacks %s; it has %s", p, strings.Join(paths, " "))
		}
	}
	wantDocker := `# Built by flowc for "testdata/go/foreach". Build from this directory: docker build -t "$(cat image.txt)" .
FROM golang:1.26 AS build
ARG GOPROXY
ARG GONOSUMDB
ARG GOPRIVATE
ARG GOSUMDB
WORKDIR /src
COPY [".", "."]
ENV CGO_ENABLED=0
ENV GOCACHE=/root/.cache/go-build GOMODCACHE=/go/pkg/mod
RUN --mount=type=cache,id=flowc-go-build,target=/root/.cache/go-build --mount=type=cache,id=flowc-go-mod,target=/go/pkg/mod ["go", "build", "-trimpath", "-o", "/flow", "./testdata/go/foreach"]
FROM gcr.io/distroless/static-debian12
COPY --from=build ["/flow", "/flow"]
ENTRYPOINT ["/flow"]
`
	if got := string(c.Files["Dockerfile"]); got != wantDocker {
		t.Errorf("Dockerfile:\n%s\nwant:\n%s", got, wantDocker)
	}
	again, _ := build.NewGoContext(f, dir, build.Options{})
	if again.Hash() != c.Hash() {
		t.Errorf("the context hash changes between two runs")
	}
	// flowc.yaml's goImage and goRuntimeImage (or --go-image, --go-runtime-image) replace both
	// stages' images, and so the image's tag.
	own, _ := build.NewGoContext(f, dir, build.Options{GoImage: "localhost:5000/go:1.26.8", GoRuntimeImage: "localhost:5000/static:1"})
	df := string(own.Files["Dockerfile"])
	if !strings.Contains(df, "\nFROM localhost:5000/go:1.26.8 AS build\n") || !strings.Contains(df, "\nFROM localhost:5000/static:1\n") {
		t.Errorf("Dockerfile with own images:\n%s", df)
	}
	if own.Hash() == c.Hash() {
		t.Errorf("other images, same context hash")
	}
}
