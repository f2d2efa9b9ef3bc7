package python

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/py"
)

// fastSnippets exercise what the fast parser reads and what it declines, each next to plain
// statements so that the merge with gpython's statements is exercised too.
var fastSnippets = []string{
	"",
	"# only a comment\n\n",
	"x=1\n",
	"x = 1\ny = 2",
	"x = -1 + 2 * 3 ** -4 // 5 % 6 - ~7 << 8 >> 9 & 10 ^ 11 | 12\n",
	"x = (a + b) * c, (d,), (), [], [1, 2,], {}, {1: 2, 3: 4,}, {1, 2}, {1,}\n",
	"x = a if b else c if d else e\nx = not a and b or c and not d or e\n",
	"x = a < b <= c > d >= e == f != g in h not in i is j is not k\nx = (a or b) or c\n",
	"x = 0x1F + 0o17 + 0b101 + 1e9 + 7j + 1.5 + .5 + 1. + 1.e5 + 1.5E-3j + 00 + 0\n",
	"x = 1if y else 2\nz = 01\nw = 1.5.real\n",
	"s = 'abc' \"def\" '''ghi''' r'x' u'y' R\"\"\"z\"\"\"\nb = b'a' B'b' rb'c' bR'd'\n",
	"s = 'a\\nb'\nt = 'é'\nu = b'é'\nv = 'a' b'b'\n",
	"s = '''line\none\n'''\nx = 1\n",
	"f()\nf(a)\nf(a, b=1)\nf(a,)\nf(*a)\nf(**k)\nf(a, *b, c=1, **d)\nf(*a, **k)\nf(b=1, a)\nf(*a, b)\nf(*a,)\nf(x for x in y)\n",
	"x = a.b.c[1][1:2][:][::2][a:b:c][:, 1][1, 2]\nx.y = 1\nx[0] = 2\na, b = c, d = e\na, = f\n[a, b] = c\n",
	"x += 1\nx.y -= 2\nx[0] *= 3\n(a, b) += 1\nf() = 1\n",
	"import a\nimport a.b as c, d\nfrom a import b\nfrom a.b import (c as d, e,)\nfrom . import x\nfrom ...a import *\nfrom .. import (a)\n",
	"def f(a, b=1, *c, d, e=2, **g): return a\ndef g(*, a): pass\ndef h(**k): pass\ndef i(a: int = 1) -> str:\n    pass\ndef j(): pass\ndef k(*): pass\ndef l(*a,): pass\n",
	"@a\n@b.c(1, k=2)\nclass C(B, metaclass=M):\n    x = 1\n    @d\n    def f(self, a):\n        return a\n@e()\ndef g(x): pass\n",
	"class C: pass\nclass D(): pass\nclass E(*a, **k): pass\n",
	"if a:\n    x = 1\nelse:\n    y = 2\nif b: pass\nelif c: pass\nwhile x: break\nelse: continue\nfor a, b in c, d: pass\nfor a, in b: pass\nfor (a, b) in c:\n    pass\nelse:\n    pass\n",
	"x = 1; y = 2;\nx = [\n  1,  # one\n  2,\n]\nx = 1 + \\\n    2\n",
	"try:\n    x = 1\nexcept E as e:\n    pass\nx = 2\nwith a as b: pass\nx = lambda: 1\nx = [a for a in b]\n",
	"x = (yield)\nglobal a\ndel a\nassert a\nraise E\nx = ...\nx = a @ b\n",
	"if a:\n  x = 1\n z = 2\n",
	"  x = 1\ny = 2\n",
	"x = 1\n\tif a:\n\tpass\ny = 2\n",
	"x = (1,\ny = 2\n",
	"x = 1\ny = 'abc\nz = 3\n",
	"x = 1\r\ny = 2\r\n",
	"s = \"\"\"a\r\nb\r\n\"\"\"\r\nx = [\r\n  1,  # c\r\n\r\n  2]\r\ny = 1 + \\\r\n  2\r\n  \r\n# c\r\nclass F(FlowSpec):\r\n    @step\r\n    def start(self):\r\n        self.next(self.end)\r\n",
	"s = 'a\r\n'\r\nx = 1\r\n",
	"x = 1 \\\r\n",
	"x = ∂\ny = 1\n",
	"x = f(a=1, a=2)\nx = f(1=2)\nx = None.a\nx = a.None\nx = True\n",
	"def f(self):\n    if a:\n        return 1\n    else:\n        return 2\n\n# comment\n\nclass F(FlowSpec):\n    @step\n    def start(self):\n        self.next(self.end)\n",
	"x = <> y\nx = a <> b\nx = [*a]\nx = {**a}\nx = (*a,)\nx = f'{a}'\n",
	"if a:\n    pass\nelse:\n    pass\nelif b:\n    pass\n",
	"x = 1 \\\n",
	"x = \\\n\ny = 1\n",
	"@a\n\ndef f(x): pass\n",
	"x = 1\n    \ny = 2\n",
	"a + 1 = 2\ny = 3\nz = 4  # c",
	"a + 1 = 2\ny = 3\n# c",
	"f(a=1, *b, c)\ny = 3\nz = [\n 4]",
	"[1] = x\ny = 2\n",
	"if a:\n\tx = 1\n\tif b:\n\t\ty = 2\n\t\tz = 3\n\tw = 4\n",
	"if a:\n\tx = 1\n        y = 2\n",
	"if a:\n    \tx = 1\n    \ty = 2\n\tz = 3\n",
	"if a:\n  \tx = 1\n\ty = 2\n",
	"class C:\n\tdef f(self):\n\t\treturn [\n\t1,\n    2]\n\tx = 1\n",
	"def f(x):\n    yield\n    yield a\n    yield a, b\n    yield from a\n    x = yield\n    x = yield a\n    x += yield a\n    x = (yield)\n    f((yield a))\n    x = y = yield b\n",
	"def f(x):\n    yield a = 1\ny = 1\n",
	"def f(x):\n    yield *a\ny = 1\n",
	"x[a,] = 1\nx[a:b, c] = 2\nx[::, 1:] = 3\nx[a, b][c:d:e, :] = 4\n*a, b = c\na = *b, c\n[*a, b] = c\nx = [*a, *b]\nx = (*a)\nx = [*a for a in b]\nfor *a, b in c: pass\n",
	"*a\ny = 1\n",
	"del *a\ny = 1\n",
	"x = {*a}\ny = 1\n",
	"def f(x):\n    return *a\ny = 1\n",
	"*f() = 1\n*1, a = b\ny = 1\n",
	"x += *a\ny = 1\n",
	"s = '\\x+1\\x-1'\nu = '\\\\'\nv = '\\ud800'\nw = 'é\\xe9'\n",
	"s = 'a\\nb\\t\\x41\\101\\0\\u00e9\\U0001F600\\N{DASH}\\q\\\\\\'\\\"\\a\\b\\f\\v\\r'\nb = b'\\x00\\xff\\u1234\\101\\777\\n'\nr = r'\\d\\'' R\"\\x\"\n",
	"s = '\\x+1\\x-1'\nt = '''a\\'''' '''\nu = '\\\\'\nv = '\\ud800'\nw = 'é\\xe9'\n",
	"s = '\\x4'\nt = 1\n",
	"s = '\\xZZ'\nt = 1\n",
	"s = '\\UFFFFFFFF'\nt = 1\n",
	"s = 'a\\\nb'\nt = 'c\\\r\nd'\nu = '''e\\\nf'''\n",
	"s = 'a' 'b\\n' u'c'\nb = b'a' b'\\n'\nc = 'a' b'b'\n",
	"if a:\n    x = 1\nelif b:\n    y = 2\nelif c: z = 3\nelse:\n    w = 4\nif a: x\nelif b: y\n",
	"def f(a):\n  if a:\n\n     x = 1\n  elif b: y = 2\n",
	"try:\n    x = 1\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
	"try:\n    x = 1\n\ntry: x\nexcept: pass\ntry:\n  pass\nfinally: pass\n",
	"with a as b, c as (d, e), f: pass\nwith g:\n    pass\n",
	"raise\nraise E\nraise E from e\nassert a\nassert a, 'm'\nglobal a, b\nnonlocal c\ndel a, b.c, d[0], (e, f), [g]\ndel a,\ndel f()\n",
	"f = lambda: 1\nf = lambda a, b=1, *c, d, **e: a\nf = lambda *, a: a\nf = lambda a,: a\nf = lambda a: lambda b: a + b\n",
	"x = [a for a in b]\nx = [a for a, in b]\nx = [a for a, b in c if d if e for f in g if h]\nx = (a for a in b)\nx = {a for a in b}\nx = {a: b for a, b in c}\nx = {a: b, c: d for e in f}\nx = f(a for a in b)\nx = f(a, b for b in c)\nx = [a for a in b if lambda: c]\nx = [a for a in lambda: b]\n",
	"def f(): pass\n@a()\ndef g(): pass\n@b()\nclass C(): pass\n",
}

// TestFastParseMatchesGpython checks, on every Python file of the repository and on the
// snippets above, that parseModule gives what gpython alone gives: the same tree, positions
// included, or the same error at the same place.
func TestFastParseMatchesGpython(t *testing.T) {
	inputs := map[string]string{}
	for i, s := range fastSnippets {
		inputs[fmt.Sprintf("snippet %d", i)] = s
	}
	for _, kind := range []string{"numbers", "strings", "flat-calls", "long-expressions", "defs", "classes", "fstrings"} {
		inputs[kind] = strings.Repeat(benchLine(kind), 20)
	}
	root := filepath.Join("..", "..")
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".py") {
			if b, err := os.ReadFile(path); err == nil {
				inputs[path] = string(b)
			}
		}
		return nil
	})
	for name, src := range inputs {
		if msg := fastDiff([]byte(src)); msg != "" {
			t.Errorf("%s: %s\n%s", name, msg, src)
		}
	}
}

// benchLine is one line of some of the benchmark inputs.
func benchLine(kind string) string {
	switch kind {
	case "numbers":
		return "x = [1, 22, 3.5, 0x1F, 1e9, 7j, 0o17, 0b101, 1_000, .5]\n"
	case "strings":
		return `s = 'abc' "def" '''ghi''', b'\x00', r'\d' u'\u00e9'` + "\n"
	case "flat-calls":
		return "x = f(a.b, [1, 2], {'k': v})\n"
	case "long-expressions":
		return "x = [" + strings.Repeat("a.b * (c - d) / e[f] + ", 8) + "g, h < i <= j]\n"
	case "defs":
		return "def f(a, b=1, *c, **d):\n    return a\n"
	case "classes":
		return "class C(B):\n    x = 1\n"
	}
	return "s = f'{a} and {b!r:>10} {c + 1}'\n"
}

// fastDiff compares parseModule with gpython on src, after normalising it; "" when they agree.
func fastDiff(src []byte) string {
	norm, _, limit := normalizeLimited(src)
	if limit != nil {
		return ""
	}
	want, wantErr := parseGuarded("f.py", norm)
	got, gotErr := parseModule("f.py", norm)
	switch {
	case (wantErr == nil) != (gotErr == nil):
		return fmt.Sprintf("gpython error %v, fast parser error %v", wantErr, gotErr)
	case wantErr != nil:
		if fastErrText(wantErr) != fastErrText(gotErr) {
			return fmt.Sprintf("gpython error %s, fast parser error %s", fastErrText(wantErr), fastErrText(gotErr))
		}
		return ""
	}
	fastClearStale(reflect.ValueOf(want))
	fastClearStale(reflect.ValueOf(got))
	if d := fastTreeDiff("module", reflect.ValueOf(want), reflect.ValueOf(got)); d != "" {
		return d
	}
	if !reflect.DeepEqual(want, got) {
		return "trees differ"
	}
	return ""
}

// fastClearStale zeroes the positions gpython takes from a stale slot of its parser's stack
// (its grammar uses the position of an empty rule there), which depend on what it parsed before
// and so differ between a whole file and the part of it gpython reads, and which nothing reads:
// a module's, the empty arguments of a def, an empty call in a decorator, an elif or except
// clause after a body on the line of its if or try.
func fastClearStale(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			fastClearStale(v.Elem())
		}
		return
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.Uint8 {
			for i := range v.Len() {
				fastClearStale(v.Index(i))
			}
		}
		return
	case reflect.Struct:
	default:
		return
	}
	if !v.CanAddr() {
		return
	}
	switch n := v.Addr().Interface().(type) {
	case *ast.Module:
		n.Pos = ast.Pos{}
	case *ast.If:
		// An elif after a body on the if's line takes a stale position.
		if len(n.Body) > 0 && n.Body[0].GetLineno() == n.Lineno && len(n.Orelse) == 1 {
			if elif, ok := n.Orelse[0].(*ast.If); ok {
				elif.Pos = ast.Pos{}
			}
		}
	case *ast.Try:
		// So does an except clause after a body on the try's line.
		if len(n.Body) > 0 && n.Body[0].GetLineno() == n.Lineno {
			for _, h := range n.Handlers {
				h.Pos = ast.Pos{}
			}
		}
	case *ast.FunctionDef:
		if a := n.Args; a != nil && len(a.Args)+len(a.Kwonlyargs) == 0 && a.Vararg == nil && a.Kwarg == nil {
			a.Pos = ast.Pos{}
		}
		fastClearDecorators(n.DecoratorList)
	case *ast.ClassDef:
		fastClearDecorators(n.DecoratorList)
	}
	for i := range v.NumField() {
		if v.Type().Field(i).IsExported() {
			fastClearStale(v.Field(i))
		}
	}
}

func fastClearDecorators(list []ast.Expr) {
	for _, d := range list {
		if c, ok := d.(*ast.Call); ok && len(c.Args)+len(c.Keywords) == 0 && c.Starargs == nil && c.Kwargs == nil {
			c.Pos = ast.Pos{}
		}
	}
}

func fastErrText(err error) string {
	if exc, ok := err.(*py.Exception); ok {
		return fmt.Sprintf("%v at %v:%v", exc.Args, exc.Dict["lineno"], exc.Dict["offset"])
	}
	return err.Error()
}

// fastTreeDiff names the first place where two trees differ.
func fastTreeDiff(path string, a, b reflect.Value) string {
	if !a.CanInterface() {
		return "" // unexported fields of a value (a big integer): compared by the caller
	}
	if a.Kind() != b.Kind() || a.Type() != b.Type() {
		return fmt.Sprintf("%s: %v vs %v", path, a.Type(), b.Type())
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: gpython %v, fast %v", path, a, b)
			}
			return ""
		}
		if a.Kind() == reflect.Interface && a.Elem().Type() != b.Elem().Type() {
			return fmt.Sprintf("%s: gpython %v, fast %v", path, a.Elem().Type(), b.Elem().Type())
		}
		return fastTreeDiff(path, a.Elem(), b.Elem())
	case reflect.Struct:
		for i := range a.NumField() {
			if d := fastTreeDiff(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return fmt.Sprintf("%s: gpython %d items (nil %v), fast %d (nil %v)", path, a.Len(), a.IsNil(), b.Len(), b.IsNil())
		}
		if a.Type().Elem().Kind() == reflect.Uint8 {
			if !reflect.DeepEqual(a.Interface(), b.Interface()) {
				return fmt.Sprintf("%s: gpython %q, fast %q", path, a.Interface(), b.Interface())
			}
			return ""
		}
		for i := range a.Len() {
			if d := fastTreeDiff(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
		return ""
	}
	if !reflect.DeepEqual(a.Interface(), b.Interface()) {
		return fmt.Sprintf("%s: gpython %#v, fast %#v", path, a.Interface(), b.Interface())
	}
	return ""
}

// FuzzFastParse requires parseModule to agree with gpython on any input.
func FuzzFastParse(f *testing.F) {
	for _, s := range fastSnippets {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if msg := fastDiff(src); msg != "" {
			t.Errorf("%s\n%q", msg, src)
		}
	})
}
