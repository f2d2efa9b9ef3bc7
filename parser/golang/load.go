// Package golang is flowc's Go frontend: it reads a Go package that uses flowc's Go SDK
// (github.com/flowc-dev/flowc/flow) with golang.org/x/tools/go/packages, without running it,
// and lowers each //flowc:flow type to the IR: its parameters (tagged fields), its steps
// (//flowc:step methods, named in snake_case), their f.Next transitions resolved through the
// type checker, and the //flowc: directives as decorators.
package golang

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// SDKPath is the import path of flowc's Go SDK, which a flow type embeds FlowSpec from.
const SDKPath = "github.com/flowc-dev/flowc/flow"

// Mode is what Load asks of go/packages: the flow package's syntax and types. The imported
// packages' types come from export data (compiled once, then cached by the go command), which is
// much faster than type-checking every dependency from source (NeedDeps). The go command lists
// every dependency anyway (NeedImports): their modules and embedded files give the build context
// its files (ir.Flow.GoFiles) from this same load.
const Mode = packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes |
	packages.NeedTypesInfo | packages.NeedImports | packages.NeedModule | packages.NeedEmbedFiles

// Load reads the Go package in dir (a file names its directory) and returns its flows, in
// source order. Errors of the package are diagnostics at their positions (`syntax`, `type-check`,
// or `load` for what the go command says); a package without a //flowc:flow type gives no
// flows, and no diagnostics unless it uses flowc (the caller reports no-flow). File names in positions are as the user named dir, slash-separated.
func Load(dir string) ([]*ir.Flow, diag.List) {
	shown := filepath.ToSlash(filepath.Clean(dir))
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		dir, shown = filepath.Dir(dir), path.Dir(shown)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: shown}, diag.Load, "cannot load %s: %v", shown, err)}
	}
	cfg := &packages.Config{Mode: Mode, Dir: abs, Env: Env()}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: shown}, diag.Load, "cannot load the Go package in %s: %s", shown, goCommandError(err))}
	}
	if len(pkgs) == 0 {
		// go/packages gives nothing, not an error, when the go command refuses the module (no
		// go.mod, a go.mod that needs updating): say what the go command said.
		if goFiles, _ := filepath.Glob(filepath.Join(abs, "*.go")); len(goFiles) > 0 {
			return nil, diag.List{diag.Errorf(diag.Pos{File: shown}, diag.Load,
				"cannot load the Go package in %s: %s", shown, goListSays(abs))}
		}
		return nil, nil
	}
	l := &loader{absDir: abs, shown: shown}
	var flows []*ir.Flow
	for _, pkg := range pkgs {
		if !mentionsFlowc(pkg) {
			continue // a Go package that is no flow: its errors are not the compiler's business
		}
		l.fset = pkg.Fset
		for _, e := range pkgErrors(pkg) {
			l.diags = append(l.diags, l.packageError(e))
		}
		l.cgoFiles(pkg)
		if pkg.Types == nil || pkg.TypesInfo == nil || hasParseError(pkg) {
			continue // a partial syntax tree would only add misleading findings
		}
		fls := l.flows(pkg)
		files := programFiles(pkg)
		for _, f := range fls {
			f.GoFiles = files
		}
		flows = append(flows, fls...)
	}
	return flows, l.diags.Sorted()
}

// goCommandError is what the go command said on stderr when go/packages reports its failure,
// on one line.
func goCommandError(err error) string {
	msg := err.Error()
	if _, after, ok := strings.Cut(msg, "stderr: "); ok {
		msg = "go list says: " + after
	}
	return strings.Join(strings.Fields(msg), " ")
}

// goListSays is what `go list` reports about the package in dir, on one line: why go/packages
// found no package there.
func goListSays(dir string) string {
	cmd := exec.Command("go", "list", ".")
	cmd.Dir, cmd.Env = dir, Env()
	out, err := cmd.CombinedOutput()
	msg := strings.Join(strings.Fields(string(out)), " ")
	if err == nil || msg == "" {
		return "the go command lists no package there"
	}
	return "go list says: " + msg
}

// Env is the environment flowc runs the go command in to read a flow: cgo off, so that no C
// compiler or pkg-config runs, and the local toolchain only, so that a go line newer than it
// fails instead of downloading and running another toolchain.
// GOFLAGS loses -mod=mod (go list would rewrite the user's go.mod) and -toolexec (it would run a
// program for every compile of a dependency's export data).
func Env() []string {
	var flags []string
	for _, f := range strings.Fields(os.Getenv("GOFLAGS")) {
		if f != "-mod=mod" && !strings.HasPrefix(f, "-toolexec") && !strings.HasPrefix(f, "--toolexec") {
			flags = append(flags, f)
		}
	}
	return append(os.Environ(), "CGO_ENABLED=0", "GOTOOLCHAIN=local", "GOFLAGS="+strings.Join(flags, " "))
}

func hasParseError(pkg *packages.Package) bool {
	for _, e := range pkg.Errors {
		if e.Kind == packages.ParseError {
			return true
		}
	}
	return false
}

// mentionsFlowc reports whether a file of the package has a //flowc: directive or imports the
// SDK, read from the bytes so that a file that does not parse still counts.
func mentionsFlowc(pkg *packages.Package) bool {
	for _, f := range append(pkg.GoFiles, pkg.IgnoredFiles...) {
		if data, err := os.ReadFile(f); err == nil && (bytes.Contains(data, []byte(prefix)) || bytes.Contains(data, []byte(strconv.Quote(SDKPath)))) {
			return true
		}
	}
	return false
}

// loader holds what lowering one package needs.
type loader struct {
	absDir string // the package directory
	shown  string // the directory as the user named it
	fset   *token.FileSet
	pkg    *packages.Package
	diags  diag.List
}

// display is how a file appears in positions: inside the package directory, as the user named
// the directory; elsewhere relative to the working directory when possible, else absolute.
func (l *loader) display(file string) string {
	if filepath.Dir(file) == l.absDir {
		return path.Join(l.shown, filepath.Base(file))
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, file); err == nil && filepath.IsLocal(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(file)
}

// pos converts a token position; go/token columns are 1-based byte offsets, as diag's are.
func (l *loader) pos(p token.Pos) diag.Pos {
	if !p.IsValid() {
		return diag.Pos{}
	}
	tp := l.fset.Position(p)
	return diag.Pos{File: l.display(tp.Filename), Line: tp.Line, Col: tp.Column}
}

// packageError turns a go list, parse or type error into a diagnostic at its position, under
// the id of what failed.
func (l *loader) packageError(e packages.Error) diag.Diagnostic {
	p := diag.Pos{File: l.shown}
	if e.Pos != "" && e.Pos != "-" {
		p = parsePos(e.Pos)
		p.File = l.display(p.File)
	}
	msg := strings.TrimSpace(e.Msg)
	switch e.Kind {
	case packages.ParseError:
		return diag.Errorf(p, diag.Syntax, "%s", msg)
	case packages.TypeError:
		return diag.Errorf(p, diag.TypeCheck, "%s", msg)
	case packages.ListError:
		msg = "cannot load the Go package: " + msg
	}
	return diag.Errorf(p, diag.Load, "%s", msg)
}

// pkgErrors are the package's errors worth reporting: when the type checker reports some, the
// go command's failure to compile the package (for export data) repeats them, so it goes; when
// a file does not parse, only its first syntax error stays: what go/parser reports after it, and
// the type errors of the tree it patched up ("missing return", at no position), are cascades.
func pkgErrors(pkg *packages.Package) []packages.Error {
	var out []packages.Error
	typed, parsed := false, true
	for _, e := range pkg.Errors {
		typed = typed || e.Kind == packages.TypeError || e.Kind == packages.ParseError
		parsed = parsed && e.Kind != packages.ParseError
	}
	broken := map[string]bool{} // files whose first syntax error is in out
	for _, e := range pkg.Errors {
		switch {
		case !parsed && e.Kind != packages.ParseError:
		case e.Kind == packages.ParseError:
			if f := parsePos(e.Pos).File; !broken[f] {
				broken[f] = true
				out = append(out, e)
			}
		case !typed || e.Kind != packages.ListError:
			out = append(out, e)
		}
	}
	return out
}

// parsePos reads go/packages' "file:line:col" (or "file:line"), whose file may hold colons.
func parsePos(s string) diag.Pos {
	p := diag.Pos{File: s}
	for range 2 {
		i := strings.LastIndexByte(p.File, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(p.File[i+1:])
		if err != nil {
			break
		}
		p.File, p.Line, p.Col = p.File[:i], n, p.Line
	}
	return p
}

// files returns the package's syntax trees in file-name order, the order flows and steps are in.
func (l *loader) files() []*ast.File {
	files := append([]*ast.File(nil), l.pkg.Syntax...)
	sort.SliceStable(files, func(i, j int) bool {
		return l.fset.File(files[i].Pos()).Name() < l.fset.File(files[j].Pos()).Name()
	})
	return files
}

// imports lists the import paths of the package's files, each once, in file and source order.
func (l *loader) imports(files []*ast.File) []ir.Import {
	var out []ir.Import
	seen := map[string]bool{}
	for _, f := range files {
		for _, spec := range f.Imports {
			p, err := strconv.Unquote(spec.Path.Value)
			if err != nil || seen[p] {
				continue
			}
			seen[p] = true
			out = append(out, ir.Import{Module: p, Pos: l.pos(spec.Path.Pos())})
		}
	}
	return out
}

func quote(s string) string { return fmt.Sprintf("%q", s) }
