package python_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/flowc-dev/flowc/compiler/check"
	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/parser/python"
)

// FuzzParseFile feeds arbitrary bytes through the whole front half of the compiler: normaliser,
// gpython, lowering and every check. It must never panic or hang, and whatever it rejects it must
// reject with a positioned diagnostic.
func FuzzParseFile(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*", "*.py"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "python", "*", "*.py"))
	for _, p := range append(seeds, more...) {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("class F(FlowSpec):\n    @step\n    def start(self):\n        self.next(self.end if x else self.a, foreach=f'{x}')\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		flows, diags := python.ParseFile("fuzz.py", src)
		for _, fl := range flows {
			diags = append(diags, check.Run(fl)...)
		}
		for _, d := range diags {
			if d.Pos.File != "fuzz.py" || d.Check == (diag.ID{}) || d.Message == "" {
				t.Fatalf("malformed diagnostic %#v", d)
			}
			if d.Check == diag.Syntax && d.Pos.Line < 1 {
				t.Fatalf("syntax diagnostic without a line: %s", d)
			}
		}
	})
}
