package build

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/parser/python"
)

// setup lays out files under dir: "-> target" makes a symbolic link, "|fifo" a named pipe.
func setup(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case strings.HasPrefix(data, "-> "):
			err = os.Symlink(strings.TrimPrefix(data, "-> "), path)
		case data == "|fifo":
			err = syscall.Mkfifo(path, 0o644)
		default:
			err = os.WriteFile(path, []byte(data), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// userFiles are the context's files that are not flowc's own (runtime, Dockerfile).
func userFiles(c *Context) []string {
	var out []string
	for p := range c.Files {
		top := strings.SplitN(p, "/", 2)[0]
		if provided[top] || p == "Dockerfile" || p == ".dockerignore" {
			continue
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

const flowHead = "from metaflow import FlowSpec, step\n"

// TestContextHostile: the files beside a flow, the flow's imports, and either the exact set of
// user files in the build context or the first diagnostic (position, check id, message words).
func TestContextHostile(t *testing.T) {
	outside := t.TempDir()
	setup(t, outside, map[string]string{"id_rsa": "PRIVATE KEY", "passwd": "root:x:0:0"})
	cases := []struct {
		name    string
		files   map[string]string
		imports string // the flow file's import lines
		include []string
		max     int64
		want    []string // user files in the context
		diag    string   // the first error, "" for none
	}{
		{
			name:    "only the imported modules of a package",
			files:   map[string]string{"pkg/__init__.py": "", "pkg/util.py": "from . import helper\n", "pkg/helper.py": "", "pkg/unused.py": "", "pkg/credentials.json": "{}", "pkg/.env": "TOKEN=x"},
			imports: "from pkg import util\n",
			want:    []string{"flow.py", "pkg/__init__.py", "pkg/helper.py", "pkg/util.py"},
		},
		{
			name:    "dotted import and a relative import up a level",
			files:   map[string]string{"a/__init__.py": "", "a/b/__init__.py": "", "a/b/c.py": "from ..d import e\n", "a/d.py": "", "a/x.py": ""},
			imports: "import a.b.c\n",
			want:    []string{"a/__init__.py", "a/b/__init__.py", "a/b/c.py", "a/d.py", "flow.py"},
		},
		{
			name:    "a module symlinked outside the root",
			files:   map[string]string{"secrets.py": "-> " + filepath.Join(outside, "id_rsa")},
			imports: "import secrets\n",
			diag:    "flow.py:2:1: error: cannot copy the imported module secrets.py into the build context: secrets.py is a symbolic link to * outside the flow's directory* [build]",
		},
		{
			name:    "a file in an imported package symlinked outside",
			files:   map[string]string{"pkg/__init__.py": "", "pkg/mod.py": "-> " + filepath.Join(outside, "passwd")},
			imports: "from pkg import mod\n",
			diag:    "flow.py:2:1: error: *pkg/mod.py is a symbolic link to * outside the flow's directory* [build]",
		},
		{
			name:  "requirements.txt symlinked outside",
			files: map[string]string{"requirements.txt": "-> " + filepath.Join(outside, "id_rsa")},
			diag:  "flow.py:3:7: error: cannot copy requirements.txt into the build context: requirements.txt is a symbolic link to * [build]",
		},
		{
			name:    "a FIFO module is never opened",
			files:   map[string]string{"slow.py": "|fifo"},
			imports: "import slow\n",
			diag:    "flow.py:2:1: error: *slow.py is not a regular file (a named pipe)* [build]",
		},
		{
			name:    "a link to /dev/zero",
			files:   map[string]string{"zero.py": "-> /dev/zero"},
			imports: "import zero\n",
			diag:    "flow.py:2:1: error: *zero.py is a symbolic link to /dev/zero, outside the flow's directory* [build]",
		},
		{
			name:    "a symlink inside the root is followed",
			files:   map[string]string{"real.py": "X = 1", "alias.py": "-> real.py"},
			imports: "import alias\n",
			want:    []string{"alias.py", "flow.py"},
		},
		{
			name:    "the size cap",
			files:   map[string]string{"big.py": strings.Repeat("#", 2000)},
			imports: "import big\n",
			max:     1000,
			diag:    "flow.py:2:1: error: *the build context would exceed 0 MiB with big.py* [build]",
		},
		{
			name:    "declared data files, and only those",
			files:   map[string]string{"movies.csv": "a,b", "data/x.csv": "1", "data/sub/y.csv": "2", "data/.hidden.csv": "h", "data/notes.txt": "n", ".git/config": "c"},
			include: []string{"movies.csv", "data/**/*.csv"},
			want:    []string{"data/sub/y.csv", "data/x.csv", "flow.py", "movies.csv"},
		},
		{
			name:    "a declared file symlinked outside",
			files:   map[string]string{"data/key.csv": "-> " + filepath.Join(outside, "id_rsa")},
			include: []string{"data/*.csv"},
			diag:    "flowc.yaml:1:1: error: include \"data/*.csv\": data/key.csv is a symbolic link to * [build]",
		},
		{
			name:    "a declared FIFO",
			files:   map[string]string{"data/pipe.csv": "|fifo"},
			include: []string{"data/*"},
			diag:    "flowc.yaml:1:1: error: include \"data/*\": data/pipe.csv is not a regular file (a named pipe)* [build]",
		},
		{
			name:    "a declared file with a newline in its name",
			files:   map[string]string{"data/a\nFROM evil": "x"},
			include: []string{"data/*"},
			diag:    "flowc.yaml:1:1: error: include \"data/*\": file name \"data/a\\nFROM evil\" holds the control character U+000A* [build]",
		},
		{
			name:    "a declared file that would replace flowc's",
			files:   map[string]string{"Dockerfile": "FROM evil"},
			include: []string{"*"},
			diag:    "flowc.yaml:1:1: error: include \"*\": Dockerfile would replace a file flowc writes* [build]",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			setup(t, dir, c.files)
			src := []byte(flowHead + c.imports + "\nclass F(FlowSpec):\n    pass\n")
			path := filepath.Join(dir, "flow.py")
			os.WriteFile(path, src, 0o644)
			f := frontendFlow(t, dir, src, 3)
			var incs []Include
			for _, p := range c.include {
				incs = append(incs, Include{Pattern: p, Base: dir, Pos: diag.Pos{File: "flowc.yaml", Line: 1, Col: 1}})
			}
			ctx, diags := NewContext(f, path, src, Options{BaseImage: "python:3.12-slim", Include: incs, MaxBytes: c.max})
			var errs []string
			for _, d := range diags {
				if d.Severity == diag.Error {
					errs = append(errs, d.String())
				}
			}
			if c.diag != "" {
				if len(errs) == 0 || !match(c.diag, errs[0]) {
					t.Fatalf("errors %q\nwant %q", errs, c.diag)
				}
				return
			}
			if len(errs) > 0 {
				t.Fatalf("errors %q", errs)
			}
			if got := userFiles(ctx); strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("context %q\nwant    %q", got, c.want)
			}
		})
	}
}

// frontendFlow is the IR of flow.py (src) in dir with what the Python frontend records for the
// build: its imports, followed through dir to its local modules, as the driver has it do. The
// class F is on line classLine.
func frontendFlow(t *testing.T, dir string, src []byte, classLine int) *ir.Flow {
	t.Helper()
	root, err := OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	imports := python.Imports("flow.py", src)
	local, third, _ := python.LocalModules("flow.py", imports, root)
	return &ir.Flow{Name: "F", File: "flow.py", Pos: diag.Pos{File: "flow.py", Line: classLine, Col: 7},
		Imports: imports, Modules: local, ThirdParty: third}
}

// match is a glob with "*" only, enough for messages.
func match(pat, s string) bool {
	parts := strings.Split(pat, "*")
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for i, p := range parts[1:] {
		if i == len(parts)-2 {
			return strings.HasSuffix(s, p)
		}
		j := strings.Index(s, p)
		if j < 0 {
			return false
		}
		s = s[j+len(p):]
	}
	return s == ""
}

// TestIncludeFromRepositoryRoot: a flowc.yaml at the repository root declares files of a flow
// in a subdirectory; they go into that flow's context at their path beside the flow file, and
// a match outside the flow's directory goes into no context of this flow.
func TestIncludeFromRepositoryRoot(t *testing.T) {
	repo := t.TempDir()
	setup(t, repo, map[string]string{"flows/data/x.csv": "1", "flows/data/y.txt": "2", "other/data/z.csv": "3"})
	src := []byte(flowHead + "\nclass F(FlowSpec):\n    pass\n")
	path := filepath.Join(repo, "flows", "flow.py")
	os.WriteFile(path, src, 0o644)
	f := &ir.Flow{Name: "F", File: "flows/flow.py", Pos: diag.Pos{File: "flows/flow.py", Line: 3, Col: 7}}
	pos := diag.Pos{File: "flowc.yaml", Line: 2, Col: 5}
	incs := []Include{{Pattern: "flows/data/*.csv", Base: repo, Pos: pos}, {Pattern: "**/z.csv", Base: repo, Pos: pos}}
	ctx, diags := NewContext(f, path, src, Options{BaseImage: "python:3.12-slim", Include: incs})
	if got := strings.Join(userFiles(ctx), " "); got != "data/x.csv flow.py" {
		t.Errorf("context %s", got)
	}
	if len(diags) != 1 || diags[0].String() != `flowc.yaml:2:5: warning: include "**/z.csv" matches no file beside the flow flow.py [build]` {
		t.Errorf("diagnostics %v", diags)
	}
}

// TestLiteralInclude: a file named with glob characters is taken as named, and only it.
func TestLiteralInclude(t *testing.T) {
	dir := t.TempDir()
	setup(t, dir, map[string]string{"data/a*[1].csv": "x", "data/ab1.csv": "y"})
	src := []byte(flowHead + "\nclass F(FlowSpec):\n    pass\n")
	path := filepath.Join(dir, "flow.py")
	os.WriteFile(path, src, 0o644)
	f := &ir.Flow{Name: "F", File: "flow.py", Pos: diag.Pos{File: "flow.py", Line: 3, Col: 7}}
	inc := LiteralInclude(dir, "data/a*[1].csv", diag.Pos{File: "flow.py", Line: 5, Col: 1})
	ctx, diags := NewContext(f, path, src, Options{BaseImage: "python:3.12-slim", Include: []Include{inc}})
	if got := strings.Join(userFiles(ctx), " "); got != "data/a*[1].csv flow.py" || len(diags) != 0 {
		t.Errorf("context %s, diagnostics %v", got, diags)
	}
}

// TestModuleDiagnosticsAtImport: what the build backend says about a module is at the import
// statement that needs it, in the module that imports it when that is not the flow file: a
// third-party module only a local module imports, a local module that cannot be copied.
func TestModuleDiagnosticsAtImport(t *testing.T) {
	dir := t.TempDir()
	setup(t, dir, map[string]string{"util.py": "import os\n\nimport requests\nfrom pkg import pipe\n", "pkg/__init__.py": "", "pkg/pipe.py": "|fifo"})
	src := []byte(flowHead + "import numpy\nimport util\n\nclass F(FlowSpec):\n    pass\n")
	path := filepath.Join(dir, "flow.py")
	os.WriteFile(path, src, 0o644)
	f := frontendFlow(t, dir, src, 5)
	ctx, diags := NewContext(f, path, src, Options{BaseImage: "python:3.12-slim"})
	var got []string
	for _, d := range diags.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		`flow.py:2:1: warning: the flow imports numpy, which the image will not have: add it to a requirements.txt next to flow.py, or to @pypi_base [build]`,
		`util.py:3:1: warning: the flow imports requests, which the image will not have: add it to a requirements.txt next to flow.py, or to @pypi_base [build]`,
		`util.py:4:1: error: cannot copy the imported module pkg/pipe.py into the build context: pkg/pipe.py is not a regular file (a named pipe); flowc never reads one into a build context [build]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if files := strings.Join(userFiles(ctx), " "); files != "flow.py pkg/__init__.py util.py" {
		t.Errorf("context %s", files)
	}
}

// TestIncludeSkipsEarlierOutput: with -o inside the flow's directory, a broad include must not
// take in what the last compile wrote there (a build context and its manifest), which would
// grow every image and change its tag at every compile; a user's YAML beside it is included.
func TestIncludeSkipsEarlierOutput(t *testing.T) {
	dir := t.TempDir()
	setup(t, dir, map[string]string{"data/x.csv": "1", "out/f/" + outputMarker: "x", "out/f/flow.py": "old",
		"out/f.yaml": "old", "out/notes.yaml": "mine"})
	src := []byte(flowHead + "\nclass F(FlowSpec):\n    pass\n")
	path := filepath.Join(dir, "flow.py")
	os.WriteFile(path, src, 0o644)
	f := &ir.Flow{Name: "F", File: "flow.py", Pos: diag.Pos{File: "flow.py", Line: 3, Col: 7}}
	inc := Include{Pattern: "**/*", Base: dir, Pos: diag.Pos{File: "flowc.yaml", Line: 1, Col: 1}}
	ctx, diags := NewContext(f, path, src, Options{BaseImage: "python:3.12-slim", Include: []Include{inc}})
	if got := strings.Join(userFiles(ctx), " "); got != "data/x.csv flow.py out/notes.yaml" || len(diags) != 0 {
		t.Errorf("context %s, diagnostics %v", got, diags)
	}
}
