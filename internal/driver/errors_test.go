package driver_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/internal/config"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/internal/driver"
)

// wantRE matches one expectation in a `# want` comment: a check id (or ids joined by |) and a
// regular expression the message must match, as analysistest's `// want` comments do.
var wantRE = regexp.MustCompile(`want ([a-z|-]+) "((?:[^"\\]|\\.)*)"`)

type want struct {
	file   string
	met    bool
	line   int
	checks []string
	msg    *regexp.Regexp
	raw    string
}

// wants reads the expectations written next to the lines that trigger them.
func wants(t *testing.T, src []byte) []*want {
	var out []*want
	for i, line := range strings.Split(string(src), "\n") {
		c := strings.Index(line, "# want ")
		if c < 0 {
			c = strings.Index(line, "// want ")
		}
		if c < 0 {
			continue
		}
		for _, m := range wantRE.FindAllStringSubmatch(line[c:], -1) {
			out = append(out, &want{line: i + 1, checks: strings.Split(m[1], "|"),
				msg: regexp.MustCompile(strings.ReplaceAll(m[2], `\"`, `"`)), raw: m[0]})
		}
	}
	return out
}

// caseWants reads the wants of a Python file, or of every Go file of a Go case directory.
func caseWants(t *testing.T, path string) ([]*want, error) {
	files := []string{path}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		files, _ = filepath.Glob(filepath.Join(path, "*.go"))
	}
	var out []*want
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		ws := wants(t, src)
		for _, w := range ws {
			w.file = filepath.ToSlash(filepath.Clean(f))
		}
		out = append(out, ws...)
	}
	return out, nil
}

// diagnose runs the whole pipeline on one file and returns every diagnostic it gives.
func diagnose(path string) diag.List {
	flows, diags := driver.Load([]string{path})
	if diags.HasErrors() {
		return diags
	}
	for _, fl := range flows {
		_, d := driver.Compile(fl, driver.Options{Config: &config.Config{ImageRepo: "r", BaseImage: "b"}})
		diags = append(diags, d...)
	}
	return diags.Sorted()
}

// TestErrors checks one flow per check id: every diagnostic must be expected by a `# want` on its
// line, every want must be met, and the exact output, notes and suggestions included, must match
// golden/errors/<case>.txt.
func TestErrors(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "errors", "*.py"))
	goCases, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "errors", "go", "*"))
	files = append(files, goCases...)
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatal("no error cases found")
	}
	got := map[string]string{}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".py")
		if filepath.Base(filepath.Dir(path)) == "go" {
			name = "go/" + name
		}
		t.Run(name, func(t *testing.T) {
			ws, err := caseWants(t, path)
			if err != nil {
				t.Fatal(err)
			}
			diags := diagnose(path)
			if !diags.HasErrors() {
				t.Errorf("no error reported")
			}
			for _, d := range diags {
				if !matchWant(ws, d) {
					t.Errorf("unexpected diagnostic: %s", d)
				}
			}
			for _, w := range ws {
				if !w.met {
					t.Errorf("line %d: no diagnostic matched %s", w.line, w.raw)
				}
			}
			// The golden is what a user reads: each line with its notes and suggestion.
			got[name+".txt"] = strings.ReplaceAll(diags.Text(), filepath.ToSlash(filepath.Join("..", "..", "testdata", "errors"))+"/", "")
		})
	}
	py, gocases := map[string]string{}, map[string]string{}
	for k, v := range got {
		if rest, ok := strings.CutPrefix(k, "go/"); ok {
			gocases[rest] = v
		} else {
			py[k] = v
		}
	}
	compareDir(t, filepath.Join("..", "..", "golden", "errors"), py)
	compareDir(t, filepath.Join("..", "..", "golden", "errors", "go"), gocases)
}

// matchWant marks the first unmet want on d's line that d satisfies.
func matchWant(ws []*want, d diag.Diagnostic) bool {
	for _, w := range ws {
		if w.met || w.line != d.Pos.Line || w.file != d.Pos.File {
			continue
		}
		for _, c := range w.checks {
			if c == d.Check.String() && w.msg.MatchString(d.Message) {
				w.met = true
				return true
			}
		}
	}
	return false
}
