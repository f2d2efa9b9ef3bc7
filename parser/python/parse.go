package python

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/parser"
	"github.com/go-python/gpython/py"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// ParseFile reads the flows defined in one Python file. name is the slash-separated path used in
// positions. A file with no FlowSpec class yields no flows and no diagnostics: the caller decides
// whether that is a no-flow error (a file named on the command line) or not (a helper module).
func ParseFile(name string, src []byte) ([]*ir.Flow, diag.List) {
	return ParseFileWith(name, src, nil)
}

// ParseFileWith is ParseFile that follows base classes into local modules through load.
func ParseFileWith(name string, src []byte, load Loader) ([]*ir.Flow, diag.List) {
	// Python skips a UTF-8 byte order mark, and so do editors when they count columns.
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	mod, n, diags := parseChecked(name, src)
	if len(diags) > 0 {
		return nil, diags
	}
	named, bad := namedStrings(src)
	if bad != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: name, Line: bad.Line, Col: bad.Col}, diag.Syntax, "unknown Unicode character name %q in \\N{...}", bad.Construct)}
	}
	f := &file{name: name, src: src, lines: bytes.Split(src, []byte("\n")), load: load, modules: map[string]*file{}, named: named, norm: n}
	flows, more := f.flows(mod)
	return flows, append(diags, more...)
}

// parseChecked parses a module (without its byte order mark) after the normaliser's checks: it
// returns the tree, or nil and the syntax diagnostics that explain why there is none.
func parseChecked(name string, src []byte) (ast.Mod, *normalizer, diag.List) {
	n := newNormalizer(src)
	norm, unsupported, limit := n.limited()
	if limit != nil {
		// Nothing below may see a tree deeper than the limits.
		return nil, n, diag.List{diag.Errorf(diag.Pos{File: name, Line: limit.Line, Col: limit.Col}, diag.Syntax, "%s", limit.Construct)}
	}
	var diags diag.List
	for _, u := range unsupported {
		diags = append(diags, diag.Errorf(diag.Pos{File: name, Line: u.Line, Col: u.Col}, diag.Syntax,
			"unsupported syntax: %s (flowc reads Python 3 flows; rewrite this construct)", u.Construct))
	}
	if len(diags) > 0 {
		// gpython's error would only repeat the first of these, at a less helpful place.
		return nil, n, diags
	}
	mod, err := parseModule(name, norm)
	if err != nil {
		if b, ok := n.firstBroken(); ok {
			return nil, n, diag.List{diag.Errorf(diag.Pos{File: name, Line: b.Line, Col: b.Col}, diag.Syntax, "invalid syntax: %s", b.Construct)}
		}
		return nil, n, diag.List{syntaxDiag(name, n, err)}
	}
	return mod, n, nil
}

// parseGuarded runs gpython's parser, turning a panic that escapes it into a syntax error so that
// no input can crash flowc.
func parseGuarded(name string, src []byte) (mod ast.Mod, err error) {
	defer func() {
		if r := recover(); r != nil {
			mod, err = nil, fmt.Errorf("invalid syntax")
		}
	}()
	return parser.Parse(bytes.NewReader(src), name, py.ExecMode)
}

// syntaxDiag turns gpython's SyntaxError into a positioned diagnostic that names the construct
// when the normaliser recognises one at that place.
func syntaxDiag(name string, n *normalizer, err error) diag.Diagnostic {
	pos := diag.Pos{File: name, Line: 1, Col: 1}
	msg := "invalid syntax"
	if exc, ok := err.(*py.Exception); ok {
		if len(exc.Args.(py.Tuple)) > 0 {
			if s, ok := exc.Args.(py.Tuple)[0].(py.String); ok {
				msg = string(s)
			}
		}
		if l, ok := exc.Dict["lineno"].(py.Int); ok && l > 0 {
			pos.Line = int(l)
		}
		// gpython's offset is 0-based; Pos.Col is 1-based.
		if o, ok := exc.Dict["offset"].(py.Int); ok && o >= 0 {
			pos.Col = int(o) + 1
		}
	}
	if c := n.constructAt(pos.Line, pos.Col); c != "" {
		msg = fmt.Sprintf("%s: %s is not supported here", msg, c)
	}
	return diag.Errorf(pos, diag.Syntax, "%s", strings.ToLower(msg[:1])+msg[1:])
}

// file holds what every part of the frontend needs about the file being read.
type file struct {
	name     string
	src      []byte
	lines    [][]byte
	consts   map[string]ir.Value // module-level literal constants, by name
	aliases  map[string]string   // names imported from metaflow or flowc under another name
	classes  map[string]*ast.ClassDef
	imported map[string]importedName // module-level from-imports, by local name
	load     Loader                  // reads local modules; nil when flowc reads one file only
	modules  map[string]*file        // local modules parsed so far, shared by all files of a parse
	mod      *ast.Module             // the module, once indexed
	named    map[[2]int]string       // string literals with \N{...} escapes, decoded (strnamed.go)
	norm     *normalizer             // the analysis of src, once asked for (constructs)
}

// constructs returns the normaliser's analysis of the file, made once.
func (f *file) constructs() *normalizer {
	if f.norm == nil {
		f.norm = newNormalizer(f.src)
	}
	return f.norm
}

// pos converts a gpython position (1-based line, 0-based column) to a diag.Pos.
func (f *file) pos(n ast.Ast) diag.Pos {
	return diag.Pos{File: f.name, Line: n.GetLineno(), Col: n.GetColOffset() + 1}
}

// exprPos is the position of an expression: gpython places calls (and some other nodes) at 0:0
// and attributes at their dot, so the leftmost name is the reliable anchor.
func (f *file) exprPos(e ast.Expr) diag.Pos {
	switch e := e.(type) {
	case *ast.Call:
		return f.exprPos(e.Func)
	case *ast.Attribute:
		return f.exprPos(e.Value)
	case *ast.Subscript:
		return f.exprPos(e.Value)
	case *ast.BinOp:
		return f.exprPos(e.Left)
	case *ast.Compare:
		return f.exprPos(e.Left)
	case *ast.IfExp:
		return f.exprPos(e.Body)
	case *ast.BoolOp:
		if len(e.Values) > 0 {
			return f.exprPos(e.Values[0])
		}
	}
	if e == nil || e.GetLineno() == 0 {
		return diag.Pos{File: f.name}
	}
	return f.pos(e)
}

// defNamePos is the position of the name in `def name(`: gpython places a FunctionDef at `def`.
func (f *file) defNamePos(d *ast.FunctionDef) diag.Pos {
	p := f.pos(d)
	line := f.line(p.Line)
	i := p.Col - 1 + len("def")
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if i < len(line) && strings.HasPrefix(string(line[i:]), string(d.Name)) {
		p.Col = i + 1
	}
	return p
}

func (f *file) line(n int) []byte {
	if n < 1 || n > len(f.lines) {
		return nil
	}
	return f.lines[n-1]
}

// Imports lists the modules a Python file imports, for following local modules into a build
// context; a file that does not parse gives none.
func Imports(name string, src []byte) []ir.Import {
	imps, _ := moduleImports(name, src)
	return imps
}

// moduleImports is Imports with the syntax diagnostics of a file that does not parse, which
// Python would raise when the flow imports it in its image.
func moduleImports(name string, src []byte) ([]ir.Import, diag.List) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	mod, _, diags := parseChecked(name, src)
	m, ok := mod.(*ast.Module)
	if len(diags) > 0 || !ok {
		return nil, diags
	}
	f := &file{name: name, src: src, lines: bytes.Split(src, []byte("\n"))}
	return f.imports(m), nil
}
