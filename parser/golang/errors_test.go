package golang

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/compiler/check"
	"github.com/flowc-dev/flowc/internal/diag"
)

// wantRE matches one expectation in a `// want` comment: a check id (or ids joined by |) and a
// regular expression the message must match, as analysistest's `// want` comments do.
var wantRE = regexp.MustCompile(`want ([a-z|-]+) "((?:[^"\\]|\\.)*)"`)

type want struct {
	file   string // base name
	line   int
	checks []string
	msg    *regexp.Regexp
	raw    string
	met    bool
}

// wants reads the expectations of every Go file in dir.
func wants(t *testing.T, dir string) []*want {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var out []*want
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			c := strings.Index(line, "// want ")
			if c < 0 {
				continue
			}
			for _, m := range wantRE.FindAllStringSubmatch(line[c:], -1) {
				re, err := regexp.Compile(strings.ReplaceAll(m[2], `\"`, `"`))
				if err != nil {
					t.Fatalf("%s:%d: %v", f, i+1, err)
				}
				out = append(out, &want{file: filepath.Base(f), line: i + 1, checks: strings.Split(m[1], "|"), msg: re, raw: m[0]})
			}
		}
	}
	return out
}

// diagnose loads a case and runs every check on its flows.
func diagnose(dir string) diag.List {
	flows, diags := Load(dir)
	for _, f := range flows {
		diags = append(diags, check.Run(f)...)
	}
	return diags.Sorted()
}

// TestErrors runs one flow package per check id under testdata/errors/go/: every diagnostic must
// be expected by a `// want` comment on its line, and every want must be met.
func TestErrors(t *testing.T) {
	base := filepath.Join(root, "testdata", "errors", "go")
	entries, err := os.ReadDir(base)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel() // each load mostly waits on the go command
			dir := filepath.Join(base, name)
			ws := wants(t, dir)
			if len(ws) == 0 {
				t.Fatal("the case has no want comments")
			}
			for _, d := range diagnose(dir) {
				if !matchWant(ws, d) {
					t.Errorf("unexpected diagnostic: %s", d)
				}
			}
			for _, w := range ws {
				if !w.met {
					t.Errorf("%s:%d: no diagnostic matched %s", w.file, w.line, w.raw)
				}
			}
		})
	}
}

// matchWant marks the first unmet want on d's line that d satisfies.
func matchWant(ws []*want, d diag.Diagnostic) bool {
	for _, w := range ws {
		if w.met || w.line != d.Pos.Line || w.file != path.Base(d.Pos.File) {
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
