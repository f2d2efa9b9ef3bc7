package golang

import (
	"os"
	"path"
	"path/filepath"
	"testing"

	"github.com/flowc-dev/flowc/compiler/check"
	"github.com/flowc-dev/flowc/compiler/graph"
	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

const directivesDump = `flow DirectiveFlow
  @schedule(cron="0 * * * *", timezone="UTC")
  @project(name="sales")
param path type=str default="/tmp/{x}" help="Where"
step start start -> end
  @retry(times=3, minutes_between_retries=0)
  @resources(cpu=0.5, memory="4Gi", gpu=1)
  @timeout(minutes=2)
  @catch(var="Failure", print_exception=False)
  @environment(vars={"DATA_DB": "/data/db.jsonl", "MODE": "fast and safe", "N": 2})
  @kubernetes(image="python:3.12", secrets=["db", "api.key"], node_selector="disk=ssd")
step end end
`

func loadOne(t *testing.T, dir string) *ir.Flow {
	t.Helper()
	flows, diags := Load(dir)
	if len(diags) > 0 || len(flows) != 1 {
		t.Fatalf("Load(%s): %d flows, diagnostics:\n%s", dir, len(flows), diags)
	}
	graph.Resolve(flows[0])
	return flows[0]
}

func TestDirectives(t *testing.T) {
	f := loadOne(t, "testdata/directives")
	if d := check.Run(f); len(d) > 0 {
		t.Errorf("the checks report:\n%s", d)
	}
	if got := f.Dump(); got != directivesDump {
		t.Errorf("dump:\n%s\nwant:\n%s", got, directivesDump)
	}
	file := "testdata/directives/flow.go"
	start := f.Step("start")
	for _, tc := range []struct {
		what      string
		got, want diag.Pos
	}{
		{"flow", f.Pos, diag.Pos{File: file, Line: 15, Col: 6}},
		{"step", start.Pos, diag.Pos{File: file, Line: 29, Col: 25}},
		{"step directive", start.DecoPos, diag.Pos{File: file, Line: 22, Col: 1}},
		{"retry", start.Decorators[0].Pos, diag.Pos{File: file, Line: 23, Col: 1}},
		{"retry times", start.Decorators[0].Args[0].Pos, diag.Pos{File: file, Line: 23, Col: 15}},
		{"memory", start.Decorators[1].Args[1].Pos, diag.Pos{File: file, Line: 24, Col: 27}},
		{"param", f.Params[0].Pos, diag.Pos{File: file, Line: 17, Col: 2}},
		{"param name", f.Params[0].NamePos, diag.Pos{File: file, Line: 17, Col: 24}},
		{"param default", f.Params[0].DefaultPos, diag.Pos{File: file, Line: 17, Col: 35}},
		{"transition", start.Transitions[0].Pos, diag.Pos{File: file, Line: 31, Col: 2}},
		{"target", start.Transitions[0].Targets[0].Pos, diag.Pos{File: file, Line: 31, Col: 11}},
	} {
		if tc.got != tc.want {
			t.Errorf("%s at %s, want %s", tc.what, tc.got, tc.want)
		}
	}
	if f.File != file || f.Lang != ir.Go {
		t.Errorf("File %q Lang %q", f.File, f.Lang)
	}
	if len(f.Imports) != 2 || f.Imports[0].Module != "os" || f.Imports[1].Module != SDKPath {
		t.Errorf("imports %+v", f.Imports)
	}
	if start.TrailingPos.IsValid() || start.NumArgs != 1 {
		t.Errorf("start: trailing %s, %d args", start.TrailingPos, start.NumArgs)
	}
}

// TestFileArgument checks that a file names its package, and that positions follow the path
// the user gave, absolute or relative.
func TestFileArgument(t *testing.T) {
	f := loadOne(t, "testdata/directives/flow.go")
	if f.File != "testdata/directives/flow.go" {
		t.Errorf("File = %q", f.File)
	}
	abs, _ := filepath.Abs("testdata/directives")
	f = loadOne(t, abs)
	if f.File != filepath.ToSlash(filepath.Join(abs, "flow.go")) {
		t.Errorf("File = %q, want it absolute", f.File)
	}
}

func TestNoFlow(t *testing.T) {
	flows, diags := Load(".") // this package: Go, but no flow
	if len(flows) != 0 || len(diags) != 0 {
		t.Errorf("got %d flows and\n%s", len(flows), diags)
	}
	dir := t.TempDir() // outside every module
	if flows, diags := Load(dir); len(flows) != 0 || len(diags) != 0 {
		t.Errorf("a directory without Go files: got\n%s", diags)
	}
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte("package main\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, diags := Load(dir); len(diags) != 1 || diags[0].Check != diag.Load {
		t.Errorf("Go outside a module: got\n%s", diags)
	}
	mod := t.TempDir() // a module of its own, with a file that does not parse
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(mod, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module broken\n\ngo 1.26\n")
	write("broken.go", "package main\n\nfunc main() {\n")
	if flows, diags := Load(mod); len(flows) != 0 || len(diags) != 0 {
		t.Errorf("a broken package that does not use flowc: got\n%s", diags)
	}
	write("broken.go", "package main\n\n//flowc:flow\ntype F struct {\n")
	_, diags = Load(mod)
	if len(diags) == 0 || diags[0].Check != diag.Syntax || diags[0].Pos.Line != 4 || path.Base(diags[0].Pos.File) != "broken.go" {
		t.Errorf("a flow file that does not parse: got\n%s", diags)
	}
}

func TestArgs(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{`a=1 b=-2.5 c=true d=x e="q w"`, `(a=1, b=-2.5, c=True, d="x", e="q w")`, ""},
		{`l=[1, "two", [3]] m={}`, `(l=[1, "two", [3]], m={})`, ""},
		{"s=`raw` 7", `(s="raw", 7)`, ""},
		{`a=1e3 b=0x10 c=inf`, `(a=1000, b="0x10", c="inf")`, ""},
		{`a="open`, `()`, "unterminated string"},
		{`a=[1, 2`, `()`, "unexpected end"},
		{`a= b=1`, `()`, "a value is missing"},
		{`a=1 // b=2`, `(a=1)`, ""},
	} {
		p := &argParser{s: tc.in}
		d := &ir.Decorator{Name: ""}
		for {
			a, ok := p.arg()
			if !ok {
				break
			}
			d.Args = append(d.Args, ir.Arg{Name: a.name, Value: a.val})
		}
		got := d.String()
		if len(d.Args) == 0 {
			got = "()"
		}
		if got != tc.want || (p.err == "") != (tc.err == "") || p.err != "" && p.err[:len(tc.err)] != tc.err {
			t.Errorf("%s: got %s, err %q; want %s, %q", tc.in, got, p.err, tc.want, tc.err)
		}
	}
}
