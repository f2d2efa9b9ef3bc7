package golang

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/compiler/check"
	"github.com/flowc-dev/flowc/compiler/graph"
	"github.com/flowc-dev/flowc/flow"
)

// root is the repository root, from this package's directory.
var root = filepath.Join("..", "..")

// goCases lists the flow packages under testdata/go/.
func goCases(t testing.TB) []string {
	entries, err := os.ReadDir(filepath.Join(root, "testdata", "go"))
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

var foreachVar = regexp.MustCompile(`foreach=(\S+)`)

// normalize makes a Go flow's dump comparable with the same flow's Python dump: the flow line
// goes (the type names may differ), and a foreach field is written as its snake_case step-name
// form (the Go field Items is Python's attribute items).
func normalize(dump string) string {
	_, rest, _ := strings.Cut(dump, "\n")
	return foreachVar.ReplaceAllStringFunc(rest, func(m string) string {
		return "foreach=" + flow.StepName(strings.TrimPrefix(m, "foreach="))
	})
}

// TestPythonParity loads each Go case and compares its IR dump with the Python case of the same
// name, golden/python/<case>/*.ir.txt: the two frontends must lower one flow to one IR.
func TestPythonParity(t *testing.T) {
	for _, name := range goCases(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel() // each load mostly waits on the go command
			flows, diags := Load(filepath.Join(root, "testdata", "go", name))
			if len(diags) > 0 {
				t.Fatalf("unexpected diagnostics:\n%s", diags)
			}
			if len(flows) != 1 {
				t.Fatalf("got %d flows, want 1", len(flows))
			}
			f := flows[0]
			graph.Resolve(f) // the compile phase, as the driver runs it before the checks
			if d := check.Run(f); len(d) > 0 {
				t.Errorf("the checks report:\n%s", d)
			}
			golden, err := filepath.Glob(filepath.Join(root, "golden", "python", name, "*.ir.txt"))
			if err != nil || len(golden) != 1 {
				t.Fatalf("want one Python IR dump for %s, found %v", name, golden)
			}
			want, err := os.ReadFile(golden[0])
			if err != nil {
				t.Fatal(err)
			}
			if got := normalize(f.Dump()); got != normalize(string(want)) {
				t.Errorf("Go IR differs from the Python IR (%s):\n--- go\n%s--- python\n%s", golden[0], got, normalize(string(want)))
			}
		})
	}
}
