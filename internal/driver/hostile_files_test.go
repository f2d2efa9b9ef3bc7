package driver_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/internal/config"
	"github.com/flowc-dev/flowc/internal/driver"
	"github.com/flowc-dev/flowc/internal/outdir"
)

// TestHostileFileNames: a flow file whose name or directory would reach Argo as a template, or
// split a line of the Dockerfile, is refused with a positioned diagnostic, and nothing compiles.
func TestHostileFileNames(t *testing.T) {
	cases := []struct {
		path string // the flow file, relative to a fresh directory
		want string // the diagnostic, after the file name
	}{
		{"a{{workflow.name}}.py", `:4:7: error: the flow's file cannot go into an image: file name "a{{workflow.name}}.py" holds braces that Argo would read as a template; rename the file [template-syntax]`},
		{"x}}.py", `:4:7: error: the flow's file cannot go into an image: file name "x}}.py" holds braces that Argo would read as a template; rename the file [template-syntax]`},
		{"run{{=sprig.env('X')}}/flow.py", `:4:7: error: the flow's path "run{{=sprig.env('X')}}/flow.py" contains braces, which Argo would read as a template [template-syntax]`},
		{"a\nFROM evil.py", `:4:7: error: the flow's file cannot go into an image: file name "a\nFROM evil.py" holds the control character U+000A; rename the file [build]`},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			root := t.TempDir()
			path := filepath.Join(root, filepath.FromSlash(c.path))
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, []byte(startEndFlow("HostileFlow", "")), 0o644); err != nil {
				t.Skip("this file system refuses the name:", err)
			}
			flows, diags := driver.Load([]string{path})
			if diags.HasErrors() || len(flows) != 1 {
				t.Fatalf("load: %v", diags)
			}
			out, diags := driver.Compile(flows[0], driver.Options{Config: &config.Config{ImageRepo: "r", BaseImage: "python:3.12", Root: root}})
			if out != nil || len(diags) != 1 {
				t.Fatalf("compiled: %v", diags)
			}
			if got := strings.TrimPrefix(diags[0].String(), filepath.ToSlash(path)); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestFIFOFlow: a flow file that is a named pipe is refused, never opened (it would block).
func TestFIFOFlow(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "flow.py")
	if err := mkfifo(path); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, arg := range []string{path, dir} {
		_, diags := driver.Load([]string{arg})
		if len(diags) == 0 || !strings.HasSuffix(diags[0].String(), "error: cannot read "+filepath.ToSlash(path)+": not a regular file [read]") {
			t.Errorf("Load(%s): %v", arg, diags)
		}
	}
}

// TestFIFOConfig: a Config file that is a named pipe is refused, never read (it would block).
func TestFIFOConfig(t *testing.T) {
	dir := t.TempDir()
	flow := startEndFlow("PipeFlow", "    app = Config(\"app\", default=\"app.json\")\n\n")
	if err := os.WriteFile(filepath.Join(dir, "flow.py"), []byte(flow), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := mkfifo(filepath.Join(dir, "app.json")); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	_, diags := driver.Load([]string{filepath.Join(dir, "flow.py")})
	if !strings.Contains(diags.String(), "app.json is not a regular file") {
		t.Errorf("diagnostics: %v", diags)
	}
}

// TestFlowNamedTwice: a file named twice, or named and found again under a directory also named,
// is one flow, not two that collide on their output name.
func TestFlowNamedTwice(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "flow.py")
	if err := os.WriteFile(path, []byte(startEndFlow("TwiceFlow", "")), 0o644); err != nil {
		t.Fatal(err)
	}
	flows, diags := driver.Load([]string{path, filepath.Join(dir, ".", "flow.py"), dir})
	if len(diags) != 0 || len(flows) != 1 {
		t.Errorf("got %d flows, diagnostics %v", len(flows), diags)
	}
}

// TestOutputInsideSources: compiling a directory with -o inside it (flowc compile . -o out) leaves
// build contexts there holding copies of the flow; a second compile must not read them as flows.
func TestOutputInsideSources(t *testing.T) {
	dir := t.TempDir()
	src := []byte(startEndFlow("InsideFlow", ""))
	ctx := filepath.Join(dir, "out", "insideflow")
	os.MkdirAll(ctx, 0o755)
	for _, p := range []string{filepath.Join(dir, "flow.py"), filepath.Join(ctx, "flow.py")} {
		if err := os.WriteFile(p, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(ctx, outdir.Marker), []byte("# written by flowc\n"), 0o644)
	flows, diags := driver.Load([]string{dir})
	if len(diags) != 0 || len(flows) != 1 || flows[0].Path != filepath.Join(dir, "flow.py") {
		t.Errorf("got %d flows, diagnostics %v", len(flows), diags)
	}
}

// TestBrokenImports: a local module the flow imports that Python would refuse (a syntax error,
// bytes that are not UTF-8, also one imported by another module), and a relative import in the
// flow file, which a script cannot make, fail the compile where the image would fail at import.
func TestBrokenImports(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"flow.py":   "import helper\nfrom . import sibling\nimport good\n" + startEndFlow("BrokenImportFlow", ""),
		"helper.py": "\ndef x(:\n    pass\n",
		"good.py":   "\nimport deeper\n",
		"deeper.py": "x = 'caf\xe9'\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	_, diags := driver.Load([]string{"flow.py"})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
		for _, n := range d.Notes {
			got = append(got, "  "+n.Pos.String()+": "+n.Message)
		}
	}
	want := []string{
		`deeper.py:1:9: error: byte 0xe9 is not UTF-8, which Python reads source files as; save the file as UTF-8 [syntax]`,
		`  good.py:2:1: imported here`,
		`flow.py:2:1: error: relative import of "." in the flow file: Python runs the flow file as a script, which has no package to import from [import]`,
		`helper.py:2:6: error: invalid syntax: '(' was never closed [syntax]`,
		`  flow.py:1:1: imported here`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLinkOutOfCompiledDir: compiling a directory does not read a flow file that is a symbolic
// link leading outside it (it says so); a link to a flow inside it is that flow, once.
func TestLinkOutOfCompiledDir(t *testing.T) {
	root := t.TempDir()
	flows := filepath.Join(root, "flows")
	os.MkdirAll(flows, 0o755)
	os.WriteFile(filepath.Join(root, "secret.py"), []byte(startEndFlow("SecretFlow", "")), 0o644)
	os.WriteFile(filepath.Join(flows, "flow.py"), []byte(startEndFlow("InsideFlow", "")), 0o644)
	if err := os.Symlink(filepath.Join("..", "secret.py"), filepath.Join(flows, "out.py")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink("flow.py", filepath.Join(flows, "same.py"))
	t.Chdir(root)
	got, diags := driver.Load([]string{"flows"})
	want := "flows/out.py: warning: flows/out.py is a symbolic link leading outside flows, so flowc does not read it [read]"
	if len(got) != 1 || got[0].IR.Name != "InsideFlow" || len(diags) != 1 || diags[0].String() != want {
		t.Errorf("got %d flows, diagnostics %v", len(got), diags)
	}
}

// TestCompileAllReportsEveryFlow: an error in one flow does not hide what compiling another
// finds (a bad @pypi package is found when its build context is made).
func TestCompileAllReportsEveryFlow(t *testing.T) {
	dir := t.TempDir()
	broken := "from metaflow import FlowSpec, step\n\n\nclass BrokenFlow(FlowSpec):\n    @step\n    def start(self):\n        self.next(self.start)\n\n" +
		"    @step\n    def end(self):\n        pass\n"
	pypi := strings.Replace(startEndFlow("PypiFlow", ""), "    @step\n    def start", "    @pypi(packages={\"pandas\\nRUN rm -rf /\": \"1\"})\n    @step\n    def start", 1)
	pypi = strings.Replace(pypi, "import Config,", "import Config, pypi,", 1)
	os.WriteFile(filepath.Join(dir, "a.py"), []byte(broken), 0o644)
	os.WriteFile(filepath.Join(dir, "b.py"), []byte(pypi), 0o644)
	t.Chdir(dir)
	outs, diags := driver.CompileAll([]string{"a.py", "b.py"}, driver.Options{Config: &config.Config{ImageRepo: "r", BaseImage: "python:3.12", Root: dir}})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`a.py:7:19: error: cycle: start -> start [cycle]`,
		`a.py:10:9: error: step "end" is unreachable from start [unreachable]`,
		`b.py:5:11: error: @pypi package "pandas\nRUN rm -rf /": not a package name [requirements]`,
	}
	if outs != nil || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outputs %v, diagnostics\n%s\nwant\n%s", outs, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
