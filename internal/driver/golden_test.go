package driver_test

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/emit/argo"
	"github.com/flowc-dev/flowc/internal/config"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/internal/driver"
)

// update rewrites the goldens instead of comparing: FLOWC_UPDATE=1 go test ./...
var update = os.Getenv("FLOWC_UPDATE") != ""

const updateHint = "if the change is intended, run: FLOWC_UPDATE=1 go test ./internal/driver/ and review the diff"

// goldenFiles renders a compiled case as the files under golden/: the manifests, the IR dump,
// the Dockerfile, and the build context as a listing of file hashes, so that the runtime's own
// files do not repeat in every case.
func goldenFiles(t *testing.T, c goldenCase) map[string]string {
	t.Helper()
	opts := caseOptions(t, c.dir)
	flows, diags := driver.Load([]string{c.input})
	return goldenFilesOf(t, c.dir, opts, flows, diags)
}

// caseOptions are the compile settings of the golden case dir: testOptions, the pinned runtime
// (but for the example), and the case's own flowc.yaml when it has one.
func caseOptions(t *testing.T, dir string) driver.Options {
	t.Helper()
	opts := testOptions()
	if filepath.Base(dir) != "data_process" {
		opts.Runtime = pinnedRuntime
	}
	if filepath.Base(dir) != "data_process_go" {
		opts.GoPin = pinnedGoModule
	}
	if _, err := os.Stat(filepath.Join(dir, config.FileName)); err == nil {
		// A case with its own flowc.yaml: the repository settings a team would write.
		cfg, err := config.Load(filepath.Join(dir, config.FileName))
		if err != nil {
			t.Fatal(err)
		}
		cfg.Root = opts.Config.Root
		opts.Config = cfg
	}
	return opts
}

// goldenFilesOf renders the compiled flows of case dir as the files under golden/.
func goldenFilesOf(t *testing.T, dir string, opts driver.Options, flows []*driver.Flow, diags diag.List) map[string]string {
	t.Helper()
	if diags.HasErrors() {
		t.Fatalf("%s: unexpected diagnostics:\n%s", dir, diags)
	}
	files := map[string]string{}
	for _, fl := range flows {
		out, d := driver.Compile(fl, opts)
		if d.HasErrors() {
			t.Fatalf("%s: compile: %s", dir, d)
		}
		diags = append(diags, d...)
		files[out.Name+".yaml"] = string(out.Files[out.Name+".yaml"])
		files[out.Name+".ir.txt"] = fl.IR.Dump()
		var listing []string
		for _, p := range out.Paths() {
			rel := strings.TrimPrefix(p, out.Name+"/")
			switch {
			case p == out.Name+".yaml":
			case rel == "Dockerfile" || rel == "image.txt":
				files[out.Name+"."+rel] = string(out.Files[p])
			default:
				listing = append(listing, fmt.Sprintf("%x  %s", sha256.Sum256(out.Files[p]), rel))
			}
		}
		files[out.Name+".context.txt"] = strings.Join(listing, "\n") + "\n"
		if len(diags) > 0 {
			files["diagnostics.txt"] = strings.ReplaceAll(diags.Sorted().Text(), "../../testdata/", "")
		}
		if filepath.Base(dir) == "data_process" {
			// One case also as a Workflow, so that the oracle validates that kind too.
			wopts := opts
			wopts.Kind = argo.KindWorkflow
			wout, d := driver.Compile(fl, wopts)
			if d.HasErrors() {
				t.Fatal(d)
			}
			files[out.Name+".workflow.yaml"] = string(wout.Files[out.Name+".yaml"])
		}
	}
	return files
}

// pinnedRuntime stands in for the Python step runtime in every golden but the example's, so that
// an edit of the runtime changes one golden (golden/examples/data_process) and not all of them.
var pinnedRuntime = map[string][]byte{
	"flowc_runtime/__init__.py": []byte("# flowc's step runtime, pinned in the golden tests\n"),
}

// pinnedGoModule stands in for flowc's own module files, which every Go test flow's module is, in
// every Go golden but the Go example's: go.mod, go.sum and the Go SDK's sources (flow/ and the
// protocol's leaf package), so that an edit of the SDK or a dependency changes one golden
// (golden/examples/data_process_go) and not all of them. The flow's own files stay real.
func pinnedGoModule(path string) ([]byte, bool) {
	switch {
	case path == "go.mod", path == "go.sum", strings.HasPrefix(path, "flow/"), strings.HasPrefix(path, "internal/stepcmd/spec/"):
		return []byte("// " + path + ", pinned in the golden tests\n"), true
	}
	return nil, false
}

// testOptions are the settings of every golden: what a repository's flowc.yaml would give.
func testOptions() driver.Options {
	return driver.Options{Kind: argo.KindWorkflowTemplate, Config: &config.Config{
		ImageRepo: "registry.example.com/flows", BaseImage: config.DefaultBaseImage, Root: "../../testdata",
	}}
}

// caseDirs lists the cases under testdata/<lang>/.
func caseDirs(t *testing.T, lang string) []string {
	entries, err := os.ReadDir(filepath.Join("..", "..", "testdata", lang))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

func TestGolden(t *testing.T) {
	for _, lang := range []string{"python", "go"} {
		staleGoldenDirs(t, lang)
	}
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			compareDir(t, c.golden, goldenFiles(t, c))
		})
	}
}

// staleGoldenDirs fails for a directory under golden/<lang>/ that no case under testdata/<lang>/
// produces (a renamed or deleted case), and removes it when updating.
func staleGoldenDirs(t *testing.T, lang string) {
	t.Helper()
	cases := map[string]bool{}
	for _, name := range caseDirs(t, lang) {
		cases[name] = true
	}
	dir := filepath.Join("..", "..", "golden", lang)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() || cases[e.Name()] {
			continue
		}
		if update {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s/%s has no case under testdata/%s/; %s", dir, e.Name(), lang, updateHint)
	}
}

// compareDir compares got with the files in dir, or rewrites dir when updating (deleting files
// that are no longer produced).
func compareDir(t *testing.T, dir string, got map[string]string) {
	t.Helper()
	if update {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !e.IsDir() { // a subdirectory is another case's
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, data := range got {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if _, ok := got[e.Name()]; !ok && !e.IsDir() {
			t.Errorf("%s/%s is no longer produced; %s", dir, e.Name(), updateHint)
		}
	}
	for name, data := range got {
		want, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s/%s is missing; %s", dir, name, updateHint)
			continue
		}
		if string(want) != data {
			t.Errorf("%s/%s differs from what flowc produces; %s\n%s", dir, name, updateHint, firstDiff(string(want), data))
		}
	}
}

// firstDiff shows the first line where want and got part.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  golden:   %q\n  produced: %q", i+1, w, g)
		}
	}
	return ""
}
