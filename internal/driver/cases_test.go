package driver_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldenCase is one golden test: a case directory, what it compiles, and where its expected
// files are.
type goldenCase struct {
	name   string // examples/<name> or <lang>/<case>
	dir    string // the case directory: its flowc.yaml, and its flows unless it reuses another's
	input  string // what to load: dir, or the case directory that its reuse.txt names
	golden string // the directory of its goldens
}

// reuseFile, in a case directory without flow files, names the case beside it whose flows the
// case compiles with its own flowc.yaml: settings cases (storage_gcs, ...) need no copy of a flow.
const reuseFile = "reuse.txt"

// goldenCases lists every golden case: the examples, with their goldens under golden/examples/,
// then the cases under testdata/python/ and testdata/go/.
func goldenCases(t *testing.T) []goldenCase {
	t.Helper()
	root := filepath.Join("..", "..")
	var out []goldenCase
	for _, name := range []string{"data_process", "data_process_go"} {
		dir := filepath.Join(root, "examples", name)
		out = append(out, goldenCase{"examples/" + name, dir, dir, filepath.Join(root, "golden", "examples", name)})
	}
	for _, lang := range []string{"python", "go"} {
		for _, name := range caseDirs(t, lang) {
			dir := filepath.Join(root, "testdata", lang, name)
			in, err := caseInput(dir)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, goldenCase{lang + "/" + name, dir, in, filepath.Join(root, "golden", lang, name)})
		}
	}
	return out
}

// caseInput is what the case directory dir compiles: dir itself, or the case beside it that its
// reuse.txt names. A reusing case holds no flow of its own and reuses a case that does, so that
// what a case compiles is never in doubt.
func caseInput(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, reuseFile))
	if errors.Is(err, fs.ErrNotExist) {
		return dir, nil
	}
	if err != nil {
		return "", err
	}
	name := strings.TrimSpace(string(b))
	if name == "" || strings.ContainsAny(name, `/\`) || !filepath.IsLocal(name) {
		return "", fmt.Errorf("%s/%s: %q is not the name of a case beside it", dir, reuseFile, name)
	}
	if own := flowFiles(dir); len(own) > 0 {
		return "", fmt.Errorf("%s has flow files of its own (%s) and a %s", dir, strings.Join(own, ", "), reuseFile)
	}
	other := filepath.Join(filepath.Dir(dir), name)
	if len(flowFiles(other)) == 0 {
		return "", fmt.Errorf("%s/%s: case %q holds no flow files", dir, reuseFile, name)
	}
	return other, nil
}

// flowFiles lists the Python and Go files directly in dir.
func flowFiles(dir string) []string {
	py, _ := filepath.Glob(filepath.Join(dir, "*.py"))
	gof, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	return append(py, gof...)
}

// TestCaseInput: a case compiles its own flows, or those of the case beside it that its
// reuse.txt names; a reuse that leaves in doubt what the case compiles is an error.
func TestCaseInput(t *testing.T) {
	root := t.TempDir()
	write := func(rel, data string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("base/flow.py", "")
	write("settings/reuse.txt", "base\n")
	write("settings/flowc.yaml", "")
	write("both/reuse.txt", "base")
	write("both/flow.py", "")
	write("chain/reuse.txt", "settings")
	write("up/reuse.txt", "../base")
	write("empty/reuse.txt", "")
	for _, tc := range []struct{ dir, want, err string }{
		{"base", "base", ""},
		{"settings", "base", ""},
		{"both", "", "flow files of its own"},
		{"chain", "", `case "settings" holds no flow files`},
		{"up", "", `"../base" is not the name of a case beside it`},
		{"empty", "", `"" is not the name of a case beside it`},
	} {
		got, err := caseInput(filepath.Join(root, tc.dir))
		switch {
		case tc.err == "" && (err != nil || got != filepath.Join(root, tc.want)):
			t.Errorf("%s: got %q, %v; want %q", tc.dir, got, err, tc.want)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: got %q, %v; want an error with %q", tc.dir, got, err, tc.err)
		}
	}
}
