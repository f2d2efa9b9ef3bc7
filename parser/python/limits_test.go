package python_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/internal/diag"
	"github.com/flowc-dev/flowc/parser/python"
)

// nestedIfs is n if statements, each inside the one before.
func nestedIfs(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "if x:\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "pass\n")
	return b.String()
}

func elifs(n int) string {
	return "if x:\n    pass\n" + strings.Repeat("elif x:\n    pass\n", n) + "else:\n    pass\n"
}

// TestNestingLimits feeds input that once overflowed Go's stack or took seconds: each must
// fail with a positioned syntax error, and input just within the limits must parse.
func TestNestingLimits(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // "" for no diagnostic
	}{
		{"million unary minus", "x = " + strings.Repeat("-", 1_000_000) + "1\n", "f.py:1:204: error: expression nested too deeply"},
		{"500k-term sum", "x = " + strings.Repeat("1+", 500_000) + "1\n", "f.py:1:404: error: expression nested too deeply"},
		{"attribute chain", "x = a" + strings.Repeat(".b", 500_000) + "\n", "f.py:1:404: error: expression nested too deeply"},
		{"call chain", "x = f" + strings.Repeat("()", 500_000) + "\n", "f.py:1:402: error: expression nested too deeply"},
		{"lambda chain", "x = " + strings.Repeat("lambda: ", 50_000) + "1\n", "f.py:1:803: error: expression nested too deeply"},
		{"conditional chain", "x = " + strings.Repeat("1 if 1 else ", 50_000) + "1\n", "f.py:1:1200: error: expression nested too deeply"},
		{"not chain", "x = " + strings.Repeat("not ", 50_000) + "1\n", "f.py:1:801: error: expression nested too deeply"},
		{"power chain", "x = " + strings.Repeat("2**", 50_000) + "1\n", "f.py:1:603: error: expression nested too deeply"},
		{"parentheses", "x = " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000) + "\n", "f.py:1:205: error: too many nested parentheses"},
		{"brackets inside a call", "f(" + strings.Repeat("[", 300) + strings.Repeat("]", 300) + ")\n", "f.py:1:202: error: too many nested parentheses"},
		{"minus around parentheses", "x = " + strings.Repeat("-(", 150) + "1" + strings.Repeat(")", 150) + "\n", "f.py:1:406: error: expression nested too deeply"},
		{"if 1000 deep", nestedIfs(1000), "f.py:102:102: error: too many levels of indentation"},
		{"elif chain", elifs(10_000), "f.py:403:1: error: too many elif clauses"},
		{"unclosed deep parentheses", "x = " + strings.Repeat("(", 100_000), "f.py:1:205: error: too many nested parentheses"},

		{"199 parentheses", "x = " + strings.Repeat("(", 199) + "1" + strings.Repeat(")", 199) + "\n", ""},
		{"if 100 deep", nestedIfs(100), ""},
		{"150-term sum", "x = " + strings.Repeat("1+", 150) + "1\n", ""},
		{"200 elifs", elifs(200), ""},
		{"long list", "x = [" + strings.Repeat("a.b + 1, ", 100_000) + "]\n", ""},
		{"long dict of attributes", "x = {" + strings.Repeat("'k': self.x.y, ", 50_000) + "}\n", ""},
		{"many statements", strings.Repeat("x = -a.b(c)[d] + 1\n", 50_000), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := python.ParseFile("f.py", []byte(tt.src))
			got := ""
			if len(diags) > 0 {
				got = diags[0].String()
			}
			if tt.want == "" && got != "" || !strings.HasPrefix(got, tt.want) || tt.want != "" && !strings.HasSuffix(got, "[syntax]") {
				t.Errorf("got %q, want %q...[syntax]", got, tt.want)
			}
			if len(diags) > 1 {
				t.Errorf("%d diagnostics, want at most one: %v", len(diags), diags)
			}
		})
	}
}

// FuzzNested builds deeply nested input from a fragment repeated n times between a prefix and a
// suffix (the fragment's closing part repeated as often): whatever the fragments, parsing must
// end without a crash, and a rejection must be a positioned syntax error.
func FuzzNested(f *testing.F) {
	for _, s := range [][3]string{
		{"x = ", "-", "1"}, {"x = ", "(", ")"}, {"x = a", ".b", ""}, {"x = ", "lambda: ", "1"},
		{"", "if x:\n", "pass"}, {"x = f", "()", ""}, {"x = ", "[{(", ")}]"}, {"@d\n", "class C:\n", "pass"},
		{"x = ", "f'{", "}'"}, {"x = ", "not ", "1"}, {"x = ", "1 if 1 else ", "1"},
	} {
		f.Add(s[0], s[1], s[2], uint16(3000))
	}
	f.Fuzz(func(t *testing.T, prefix, open, close string, n uint16) {
		if len(prefix)+len(open)+len(close) > 64 {
			return
		}
		var b strings.Builder
		b.WriteString(prefix)
		for i := range int(n) {
			if strings.HasSuffix(open, "\n") {
				b.WriteString(strings.Repeat(" ", i%400))
			}
			b.WriteString(open)
		}
		b.WriteString(strings.Repeat(close, int(n)))
		_, diags := python.ParseFile("f.py", []byte(b.String()))
		for _, d := range diags {
			if d.Pos.File != "f.py" || d.Pos.Line < 1 || d.Check == (diag.ID{}) {
				t.Fatalf("malformed diagnostic %s", fmt.Sprint(d))
			}
		}
	})
}
