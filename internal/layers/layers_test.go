package layers

import (
	"bufio"
	"bytes"
	"os/exec"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/flowc-dev/flowc/"

// allowed is the import direction, as a table: each of flowc's packages (relative to the module)
// and the flowc packages it may import. A pattern ending in "/*" stands for every package under
// that directory. Anything may import the standard library and third-party modules; this table
// is only about flowc's own layers:
//
//	internal/diag, internal/settings   leaves
//	compiler/ir                        the IR, on diag
//	compiler/graph                     the resolved graph beside the IR
//	parser/*                           frontends: produce the IR; never checks, emitters, driver, cmd
//	compiler/check                     reads the IR and the graph; never emit/*, parser/*
//	emit/*                             backends: read the IR and the graph; never check, parser/*
//	internal/config                    flowc.yaml, against settings; never emit/*
//	internal/driver, compiler          tie the stages together
//	cmd/*                              on top
//
// A new package needs a row here: that is where its place in the layers is decided.
var allowed = map[string][]string{
	"internal/diag":           nil,
	"internal/settings":       nil,
	"internal/runtime/python": nil,
	"internal/outdir":         nil,
	"internal/imagebuild":     nil,
	"internal/cluster":        {"internal/runrecord"}, // flowc's side of apply/submit/cluster runs: types and the pipe to flowc-kube
	"internal/kube":           {"internal/cluster", "internal/runrecord", "internal/s3repo"},
	"internal/runrecord":      nil,
	"internal/s3repo":         {"internal/runrecord", "internal/stepcmd/spec"},
	"internal/runcases":       nil, // the run cases of the e2e suite and the Argo simulation
	"hack/e2e/pause":          nil,
	"internal/layers":         nil,
	"compiler/ir":             {"internal/diag"},
	"compiler/graph":          {"compiler/ir", "internal/diag"},
	"internal/stepcmd/spec":   nil, // the protocol's leaf, all the Go SDK may import
	"internal/stepcmd":        {"compiler/ir", "internal/diag", "internal/stepcmd/spec"},
	"flow":                    {"internal/stepcmd/spec"},
	"examples/*":              {"flow"},
	"parser/python":           {"compiler/ir", "internal/diag", "internal/runtime/python"},
	"parser/golang":           {"compiler/ir", "internal/diag", "internal/stepcmd", "internal/stepcmd/spec", "flow"},
	"compiler/check":          {"compiler/ir", "compiler/graph", "internal/diag", "internal/stepcmd", "internal/stepcmd/spec"},
	"emit/argo":               {"compiler/ir", "compiler/graph", "internal/diag", "internal/settings", "internal/stepcmd"},
	"emit/build":              {"compiler/ir", "compiler/graph", "internal/diag", "internal/settings", "internal/runtime/python"},
	"internal/config":         {"internal/diag", "internal/settings"},
	"internal/localrun":       {"compiler/ir", "compiler/graph", "internal/diag", "internal/runrecord", "internal/stepcmd"},
	"internal/driver":         {"compiler/*", "parser/*", "emit/*", "internal/*", "flow"},
	"compiler":                {"internal/driver", "internal/config", "compiler/*", "emit/*", "internal/diag", "internal/settings"},
	"cmd/*":                   {"compiler", "compiler/*", "parser/*", "emit/*", "internal/*", "flow"},
	"e2e":                     {"compiler", "compiler/*", "parser/*", "emit/*", "internal/*", "flow"},
}

// match reports whether pkg is pattern or, for "dir/*", a package under dir.
func match(pattern, pkg string) bool {
	if dir, ok := strings.CutSuffix(pattern, "/*"); ok {
		return strings.HasPrefix(pkg, dir+"/")
	}
	return pkg == pattern
}

// rule finds pkg's row: an exact row wins over a "/*" row.
func rule(pkg string) ([]string, bool) {
	if r, ok := allowed[pkg]; ok {
		return r, true
	}
	for pattern, r := range allowed {
		if match(pattern, pkg) {
			return r, true
		}
	}
	return nil, false
}

// violations lists, sorted, every edge of edges (package -> flowc imports, module-relative)
// that the table does not allow, and every package without a row.
func violations(edges map[string][]string) []string {
	var out []string
	for pkg, imports := range edges {
		ok, found := rule(pkg)
		if !found {
			out = append(out, pkg+": no row in the layers table; decide its layer there")
			continue
		}
		for _, imp := range imports {
			if !permitted(ok, imp) {
				out = append(out, pkg+" imports "+imp)
			}
		}
	}
	sort.Strings(out)
	return out
}

func permitted(patterns []string, imp string) bool {
	for _, p := range patterns {
		if match(p, imp) {
			return true
		}
	}
	return false
}

// edges lists the module's packages and their flowc imports (not their tests').
func edges(t *testing.T) map[string][]string {
	t.Helper()
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", module+"...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	m := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		pkg := strings.TrimPrefix(fields[0], module)
		m[pkg] = nil
		for _, imp := range fields[1:] {
			if rel, ok := strings.CutPrefix(imp, module); ok {
				m[pkg] = append(m[pkg], rel)
			}
		}
	}
	return m
}

func TestImportDirection(t *testing.T) {
	e := edges(t)
	if len(e) < 10 || e["compiler/ir"] == nil && e["emit/argo"] == nil {
		t.Fatalf("go list found too little to judge: %v", e)
	}
	for _, v := range violations(e) {
		t.Errorf("%s (see the table in layers_test.go and the README's Architecture)", v)
	}
}

// TestTableCatches shows that the table refuses the edges the layers forbid, so that
// TestImportDirection passing means something.
func TestTableCatches(t *testing.T) {
	bad := map[string][]string{
		"emit/build":      {"parser/python"},
		"emit/argo":       {"compiler/check"},
		"internal/config": {"emit/argo"},
		"compiler/check":  {"emit/argo"},
		"parser/golang":   {"internal/driver"},
		"compiler/ir":     {"compiler/graph"},
		"internal/driver": {"cmd/flowc"},
		"brand/new":       nil,
	}
	got := violations(bad)
	if len(got) != len(bad) {
		t.Fatalf("violations(%v) = %q, want one per package", bad, got)
	}
	good := map[string][]string{"internal/driver": {"emit/argo", "parser/golang"}, "cmd/flowc": {"compiler"}}
	if got := violations(good); len(got) != 0 {
		t.Errorf("violations(%v) = %q, want none", good, got)
	}
}
