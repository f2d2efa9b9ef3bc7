package python_test

import (
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/parser/python"
)

// BenchmarkParseMegabyte parses 1 MB inputs at and past the nesting limits; the design asks for
// under 1 s and 200 MB each (compare ns/op and B/op; no test asserts a time).
func BenchmarkParseMegabyte(b *testing.B) {
	const mb = 1 << 20
	fill := func(line string) string { return strings.Repeat(line, mb/len(line)) }
	inputs := map[string]string{
		"unary-minus":   "x = " + strings.Repeat("-", mb) + "1\n",
		"sum-199":       fill("x = " + strings.Repeat("1+", 199) + "1\n"),
		"parens-199":    fill("x = " + strings.Repeat("(", 199) + "1" + strings.Repeat(")", 199) + "\n"),
		"ifs-100":       fill(nestedIfs(100)),
		"flat-calls":    fill("x = f(a.b, [1, 2], {'k': v})\n"),
		"open-brackets": "x = " + strings.Repeat("[", mb),
	}
	for _, name := range []string{"unary-minus", "sum-199", "parens-199", "ifs-100", "flat-calls", "open-brackets"} {
		src := []byte(inputs[name])
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				python.ParseFile("f.py", src)
			}
		})
	}
}
