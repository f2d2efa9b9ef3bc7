package python

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/parser"
	"github.com/go-python/gpython/py"
)

// normNode expects a node of type typ (as %T prints it, without "*ast.") where marker first
// occurs in the source: the position gpython reports on the normalized source must be the
// place in the original.
type normNode struct{ typ, marker string }

var normCases = []struct {
	name  string
	src   string
	nodes []normNode
}{
	{"fstring", `x = f"a{b}c" + F'{x!r:>10}'` + "\n", []normNode{{"Str", `f"a`}, {"Name", "x ="}}},
	{"fstring raw prefixes and t-string (3.14)", `x = rf"\d{x}" + fr'{x}' + Rf"{y}" + fR'' + t"{z}"` + "\n", []normNode{{"Str", `rf"`}}},
	{"fstring nested quotes", `x = f"{d['k']}" + f'{d["k"]}' + f"{ {'a': 1}['a'] }"` + "\n", nil},
	{"fstring nested braces and specs", `x = f"{{lit}} {x:{w}.{p}f} {x=} {a!r} {b!s:>{n}}"` + "\n", nil},
	{"fstring 3.12 same quotes", `x = f"{d["k"]}" + f"{f"{x}"}" + f'{", ".join(a)}'` + "\n", nil},
	{"fstring triple", "x = f\"\"\"first {a}\n  second {b['k']}\n\"\"\"\ny = 1\n", []normNode{{"Str", `f"""`}, {"Name", "y = 1"}}},
	{"fstring triple single", "x = f'''{a}\n'''\ny = 1\n", []normNode{{"Name", "y = 1"}}},
	{"fstring continued line", "x = f\"a{b}\\\nc\"\ny = 1\n", []normNode{{"Name", "y = 1"}}},
	{"fstring multi-line field", "x = f\"{foo(a,\n  b)}\"\ny = 1\n", []normNode{{"Name", "y = 1"}}},
	{"fstring concatenation", `x = "a" f"{b}" 'c' if 0 else f"{d}"` + "\n", nil},
	{"fstring escapes", `x = f"\N{BULLET} {a} \{b} \\ \" {c}"` + "\n", nil},
	{"fstring in call", "self.next(self.a, foreach=f\"{x}s\")\n", []normNode{{"Keyword", "foreach"}, {"Str", `f"`}}},
	{"fstring crlf", "x = f\"\"\"{a}\r\n\"\"\"\r\ny = 1\r\n", []normNode{{"Name", "y = 1"}}},

	{"numbers", "x = 1_000_000 + 0x_FF_FF + 0b_1010 + 0o_17 + 1_0.0_1e1_0 + 1_0j + 0_0\n", []normNode{{"Num", "1_000"}}},
	{"number attribute", "x = 1_000 .real\n", nil},

	{"annotation with value", "x: int = 1\n", []normNode{{"Assign", "x:"}, {"Num", "1"}}},
	{"annotation without value", "x: int\ny: Dict[str, int]\n", []normNode{{"Name", "int"}}},
	{"annotation attribute", "class A:\n    def f(self):\n        self.x: List[int] = []\n        self.y: int\n",
		[]normNode{{"Assign", "self.x"}, {"List", "[]"}}},
	{"annotation class body", "class F(FlowSpec):\n    alpha: int = Parameter(\"alpha\", default=1)\n",
		[]normNode{{"Assign", "alpha"}, {"Name", "Parameter"}, {"Str", `"alpha"`}}},
	{"annotation multi-line", "x: Dict[\n    str,  # key\n\n    int,\n] = {}\ny = 2\n", nil},
	{"annotation tight", "x:int=1\n(y): int = 2\na.b[0]: int = 3\nf().x: int\n", nil},
	{"annotation one-line body", "if c: y: int = 1\nfor i in a: z: int\n", nil},
	{"annotation with walrus value", "x: int = (y := 2)\n", nil},

	{"async", "async def f():\n    await g()\n    async for x in y:\n        pass\n    async with a as b:\n        pass\n" +
		"    x = [i async for i in await h()]\n    return await x\n",
		[]normNode{{"FunctionDef", "async def"}, {"For", "async for"}, {"With", "async with"}, {"Name", "g()"}}},
	{"async method", "class A:\n    @step\n    async def start(self):\n        self.x = await self.load()\n        self.next(self.end)\n",
		[]normNode{{"FunctionDef", "async def"}, {"Name", "@step"}}},
	{"async as name (3.6)", "x = foo.async\nawait_ = 1\nf(await_)\n", nil},

	{"matmul", "x = a @ b\nx @= c\n@dec\ndef f(): return a@b\n", []normNode{{"BinOp", "a @ b"}, {"Name", "@dec"}}},

	{"walrus if", "if (n := len(a)) > 10:\n    pass\n", []normNode{{"If", "if"}, {"Name", "n :="}}},
	{"walrus while", "while chunk := f.read():\n    pass\n", []normNode{{"While", "while"}}},
	{"walrus comprehension", "x = [y for x in d if (y := g(x))]\nprint(z := 1)\n", nil},
	{"walrus lambda", "f = (g := lambda: 1)\n", nil},

	{"unpack call stars", "f(*a, *b)\nf(**a, **b)\nf(*a, b)\nf(**a, b=1)\nf(*a, **b, c=1)\n", nil},
	{"unpack call trailing comma", "f(*a,)\nf(**a,)\nf(*a, b=1,)\nf(\n    *a,\n    **b,\n)\n", nil},
	{"unpack kept", "print(*a, sep=\"\")\nf(a, *b, c=1, **d)\nclass A(*bases, **kw): pass\n", nil},
	{"unpack displays", "x = {*a, *b}\ny = {**a, \"k\": 1, **b}\nz = {**a}\nw = [*a, *b]\nv = (*a, *b)\n", nil},
	{"unpack subscript", "x = a[*b]\ny = tuple[*Ts]\n", nil},
	{"unpack statements", "def f():\n    return *a, b\n\ndef g():\n    yield *a, b\n    x = yield *a, b\n\nfor x in *a, b: pass\n", nil},
	{"unpack star annotation", "def f(*args: *Ts): pass\n", nil},
	{"unpack in nested call", "f(g(*a, *b), {**c}, [*d])\n", nil},

	{"positional-only", "def f(a, /, b): pass\ndef g(a, /): pass\nh = lambda a, /, b: 0\ndef k(a, b=1/2, /, *, c): pass\n",
		[]normNode{{"FunctionDef", "def f"}, {"Lambda", "lambda"}}},
	{"star trailing comma", "def f(*a,): pass\ndef g(a, *, b,): pass\ndef h(\n    a,\n    **k,\n): pass\nl = lambda *a,: 0\n", nil},

	{"match", "match command.split():\n    case [action]:\n        self.next(self.a)\n" +
		"    case [action, obj] if obj:\n        pass\n    case Point(x=0, y=0) | Point(x=1) as p:\n        pass\n" +
		"    case {\"k\": v, **rest}:\n        pass\n    case [1, *others]:\n        pass\n    case a, *b:\n        pass\n" +
		"    case _: pass\n",
		[]normNode{{"If", "match"}, {"If", "case [action]"}, {"Attribute", ".next"}}},
	{"match nested", "def f(self):\n    match x:\n        case 1:\n            match y:\n                case 2:\n                    pass\n" +
		"        case 3:\n            pass\n    z = 1\n", []normNode{{"If", "match y"}, {"If", "case 3"}}},
	{"match as name", "match = re.match(p, s)\nmatch.group(1)\nmatch(x)\nprint(match)\ncase = 1\n", nil},
	{"match tuple subject", "match a, b:\n    case 1, 2:\n        pass\n", nil},

	{"decorator expressions", "@buttons[0].clicked.connect\ndef f(): pass\n@a()()\ndef g(): pass\n" +
		"@(lambda f: f)\ndef h(): pass\n@x if y else z\ndef k(): pass\n@a.b[\n  0\n]\ndef l(): pass\n",
		[]normNode{{"FunctionDef", "def f"}, {"FunctionDef", "def k"}}},
	{"with parenthesized", "with (open(a) as f, open(b) as g):\n    pass\nwith (\n    open(a) as f,\n    open(b) as g,\n):\n    pass\n",
		[]normNode{{"With", "with ("}}},
	{"except star", "try:\n    pass\nexcept* ValueError:\n    pass\nexcept *TypeError as e:\n    pass\n", nil},
	{"except list (3.14)", "try:\n    pass\nexcept A, B:\n    pass\n", nil},
	{"type params", "def f[T](x: T) -> T: pass\nclass A[T: int, *Ts, **P](B): pass\ndef g[\n    T,\n](x): pass\n",
		[]normNode{{"FunctionDef", "def f"}, {"ClassDef", "class A"}, {"Name", "B)"}}},
	{"type alias", "type X = int\ntype Y[T] = list[T]\nclass A:\n    type Z = dict\ntype = 1\n", []normNode{{"Assign", "type Y"}}},

	{"await operands", "async def f():\n    x = -await y\n    z = 2 ** await w\n    v = not await u\n    await (yield)\n", nil},
	{"decorator calls", "@a.b(c)(d)\ndef f(): pass\n", []normNode{{"FunctionDef", "def f"}}},
	{"stars with lambdas", "f(lambda *a, **k: 0, *b, *c)\nprint(*a, *b, sep=\"\")\ndef g(a, /, *, b,): pass\n", nil},
	{"walrus in fstring", "x = f\"{(y := 1)}\"\n", nil},
	{"except star tuple", "try:\n    pass\nexcept* (A, B):\n    pass\n", nil},
	{"next inside match", "class F(FlowSpec):\n    @step\n    def start(self):\n        match self.mode:\n" +
		"            case \"a\":\n                self.next(self.a)\n            case _:\n                self.next(self.b)\n",
		[]normNode{{"If", "match self"}, {"If", "case \"a\""}, {"If", "case _"}, {"Attribute", ".next(self.b)"}}},
	{"bom", "\ufeffx = 1\ny = 2\n", []normNode{{"Name", "y = 2"}}},
	{"bom comment", "\ufeff# comment\nimport a\n", nil},
	{"form feed", "x = 1;\f y = 2\nz = (1 +\n\f 2)\n\f\n", nil},
	{"lone cr", "x = 1\ry = f\"{a}\"\r# c\rz = 3\r", []normNode{{"Name", "z = 3"}}},
	{"no final newline", "x = f\"{a}\"", nil},
	{"empty", "", nil},
	{"only comments", "# f\"{a}\" := @\n", nil},
}

func TestNormalize(t *testing.T) {
	for _, c := range normCases {
		t.Run(c.name, func(t *testing.T) {
			out, unsupported := Normalize([]byte(c.src))
			normCheckShape(t, []byte(c.src), out)
			if len(unsupported) > 0 {
				t.Errorf("unsupported: %v", unsupported)
			}
			t.Logf("normalized:\n%s", out)
			mod, err := normParse(out)
			if err != nil {
				t.Fatalf("gpython: %v", err)
			}
			normCheckNodes(t, c.src, mod, c.nodes)
		})
	}
}

// normUnchanged is valid Python 3.4 (or text in strings and comments) that Normalize must leave
// byte for byte as it is.
var normUnchanged = []string{
	"x = \"f'{a}' := @ async\"  # f\"{b}\" := @ await x: int = 1\n",
	"print(*a, sep='')\na, *b = c\n*a, b = c\nx = [*a]\nf(a)(*b)\nf(*a, **k)\n",
	"def f(a, *, b, **k): pass\nlambda *a, **k: 0\nfrom x import *\n",
	"x = 2 * 3 ** 4\ny = a[1:2, ::3]\nd = {1: 2, 'a': [3]}\n",
	"@step\n@retry(times=3)\n@a.b.c\ndef f(self): pass\n",
	"x = '''\nmatch x:\n    case 1:\n'''\n",
	"if x:\n    y = lambda a: a\nelif z:\n    pass\n",
	"x = b'\\x00'\ny = r'\\d' u'\\u00e9'\n",
	"class A(B, metaclass=M):\n    x = 1\n",
	"def f(a: int = 1, *b: str, **c: 'x') -> 'y': pass\n",
}

func TestNormalizeLeavesValidCode(t *testing.T) {
	for _, src := range normUnchanged {
		out, unsupported := Normalize([]byte(src))
		if string(out) != src || len(unsupported) > 0 {
			t.Errorf("Normalize(%q) = %q, %v; want it unchanged", src, out, unsupported)
		}
	}
}

func TestNormalizeValues(t *testing.T) {
	for src, want := range map[string]string{
		"x = 1_000_000\n":         "x = 1000000  \n",
		"x = f'{a}'\n":            "x = '    '\n",
		"x = rf\"{a}\"\n":         "x = \"     \"\n",
		"x = f'''{a}\n'''\n":      "x = '''    \n'''\n",
		"x = f'{a}\\\nb'\n":       "x = '    \\\n '\n",
		"if (n := 1): pass\n":     "if (n == 1): pass\n",
		"x = a @ b\n":             "x = a * b\n",
		"    await f()\n":         "    +     f()\n",
		"    async def f(): pass": "    def       f(): pass",
		"x: int = 1\n":            "x      = 1\n",
		"x: int\n":                "x; int\n",
		"f(*a, *b)\n":             "f( a, *b)\n",
		"d = {**a, 'k': 1}\n":     "d = {0:a, 'k': 1}\n",
		"def f(a, /, b): pass\n":  "def f(a   , b): pass\n",
		"match x:\n    case 1 if y:\n        pass\n": "if    x:\n    if   1 or y:\n        pass\n",
		"type X = int\n":                "X      = int\n",
		"with (a as b, c as d): pass\n": "with (a or b, c or d): pass\n",
		"@a[0].b\ndef f(): pass\n":      "@a   .b\ndef f(): pass\n",
		"\ufeffx = 1\n":                 "0; x = 1\n",
	} {
		out, _ := Normalize([]byte(src))
		if string(out) != want {
			t.Errorf("Normalize(%q)\n got %q\nwant %q", src, out, want)
		}
	}
}

func TestNormalizeUnsupported(t *testing.T) {
	deep := "x = " + strings.Repeat(`f"{`, 70) + strings.Repeat(`}"`, 70) + "\n"
	for src, want := range map[string]string{
		"\ufeffclass A: pass\n":     "1:1: byte order mark before a compound statement",
		"print 'hello'\n":           "1:1: print statement (Python 2)",
		"x = `y` + `z`\n":           "1:5: backtick repr (Python 2)",
		"if a <> b: pass\n":         "1:6: <> operator (Python 2)",
		"if x:\n\f    y = 1\n":      "2:1: form feed in indentation",
		deep:                        "1:5: f-string nested too deeply",
		"@(\n  x)\ndef f(): pass\n": "1:2: decorator expression",
	} {
		_, unsupported := Normalize([]byte(src))
		var got []string
		for _, u := range unsupported {
			got = append(got, fmt.Sprintf("%d:%d: %s", u.Line, u.Col, u.Construct))
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("Normalize(%q) unsupported = %q, want [%q]", src, got, want)
		}
	}
}

func TestConstructAt(t *testing.T) {
	for _, c := range []struct {
		src       string
		line, col int
		want      string
	}{
		{"x = f\"{a}\"\n", 1, 6, "f-string"},
		{"match x:\n    case 1:\n        pass\n", 2, 5, "case clause"},
		{"match x:\n    case 1:\n        pass\n", 1, 1, "match statement"},
		{"x = 'abc\n", 1, 5, "unterminated string literal"},
		{"x = (1,\n2\n", 2, 2, "'(' was never closed"},
		{"x = 1)\n", 1, 6, "unmatched ')'"},
		{"print 'a'\n", 1, 10, "print statement (Python 2)"},
		{"x = a $ b\n", 1, 7, "invalid character"},
		{"x = 1\n", 1, 3, ""},
		{"x = 1\n", 9, 3, ""},
	} {
		if got := ConstructAt([]byte(c.src), c.line, c.col); got != c.want {
			t.Errorf("ConstructAt(%q, %d, %d) = %q, want %q", c.src, c.line, c.col, got, c.want)
		}
	}
}

// TestConstructAtNamesGpythonErrors feeds ConstructAt the position of gpython's own syntax
// error, as the frontend does.
func TestConstructAtNamesGpythonErrors(t *testing.T) {
	for src, want := range map[string]string{
		"x = 1\nprint 'hello'\n": "print statement (Python 2)",
		"x = 1\ny = `x`\n":       "backtick repr (Python 2)",
		"x = (1,\ny = 2\n":       "'(' was never closed",
		"x = 'abc\ny = 2\n":      "unterminated string literal",
		"x = 1 ? 2\n":            "invalid character",
	} {
		out, _ := Normalize([]byte(src))
		_, err := normParse(out)
		if err == nil {
			t.Errorf("%q parsed; want a syntax error", src)
			continue
		}
		line, col := normErrorPos(err)
		if got := ConstructAt([]byte(src), line, col+1); got != want {
			t.Errorf("%q: gpython error at %d:%d: ConstructAt = %q, want %q", src, line, col, got, want)
		}
	}
}

// TestNormalizeCorpus normalizes realistic flows that use modern syntax: each must parse, and
// every def and every self.next must sit where the source has it.
func TestNormalizeCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "normalize", "*.py"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	defs := regexp.MustCompile(`(?m)^[ \t]*((?:async[ \t]+)?def)[ \t]+\w+`)
	nexts := regexp.MustCompile(`self(\.)next\(`)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out, unsupported := Normalize(src)
			normCheckShape(t, src, out)
			if len(unsupported) > 0 {
				t.Errorf("unsupported: %v", unsupported)
			}
			mod, err := normParse(out)
			if err != nil {
				t.Fatalf("gpython: %v", err)
			}
			got := normPositions(mod)
			for _, m := range defs.FindAllSubmatchIndex(src, -1) {
				normExpect(t, string(src), got, "FunctionDef", m[2])
			}
			for _, m := range nexts.FindAllSubmatchIndex(src, -1) {
				normExpect(t, string(src), got, "Attribute", m[2])
			}
		})
	}
}

func normParse(src []byte) (ast.Mod, error) {
	return parser.Parse(bytes.NewReader(src), "flow.py", py.ExecMode)
}

// normErrorPos returns gpython's line and 0-based column of a syntax error.
func normErrorPos(err error) (line, col int) {
	e, ok := err.(*py.Exception)
	if !ok {
		return 0, 0
	}
	l, _ := e.Dict["lineno"].(py.Int)
	c, _ := e.Dict["offset"].(py.Int)
	return int(l), int(c)
}

// normLineBreaks lists the offsets where lines end, as Python counts them: LF, and a CR that
// is not part of CRLF.
func normLineBreaks(b []byte) []int {
	var at []int
	for i, c := range b {
		if c == '\n' || c == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			at = append(at, i)
		}
	}
	return at
}

// normCheckShape checks Normalize's invariant: same length, line breaks at the same offsets,
// and LF for every lone CR so that gpython counts the same lines.
func normCheckShape(t testing.TB, src, out []byte) {
	t.Helper()
	if len(out) != len(src) {
		t.Fatalf("len(out) = %d, want %d", len(out), len(src))
	}
	if a, b := normLineBreaks(src), normLineBreaks(out); fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatalf("line breaks moved: %v -> %v\nout: %q", a, b, out)
	}
	for _, i := range normLineBreaks(out) {
		if out[i] != '\n' {
			t.Fatalf("lone CR left at %d", i)
		}
	}
}

// normPositions lists every node of mod as "Type@line:col", gpython's 0-based col.
func normPositions(mod ast.Mod) map[string]bool {
	got := map[string]bool{}
	ast.Walk(mod, func(n ast.Ast) bool {
		typ := strings.TrimPrefix(fmt.Sprintf("%T", n), "*ast.")
		got[fmt.Sprintf("%s@%d:%d", typ, n.GetLineno(), n.GetColOffset())] = true
		return true
	})
	return got
}

func normCheckNodes(t *testing.T, src string, mod ast.Mod, nodes []normNode) {
	t.Helper()
	got := normPositions(mod)
	for _, nd := range nodes {
		off := strings.Index(src, nd.marker)
		if off < 0 {
			t.Fatalf("marker %q not in source", nd.marker)
		}
		normExpect(t, src, got, nd.typ, off)
	}
}

// normExpect checks that a node of type typ sits at byte offset off of src.
func normExpect(t *testing.T, src string, got map[string]bool, typ string, off int) {
	t.Helper()
	line, col := 1, off
	for _, i := range normLineBreaks([]byte(src[:off])) {
		line, col = line+1, off-i-1
	}
	if key := fmt.Sprintf("%s@%d:%d", typ, line, col); !got[key] {
		t.Errorf("no %s at %d:%d (%q...)", typ, line, col+1, src[off:min(len(src), off+12)])
	}
}
