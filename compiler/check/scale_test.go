package check

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// stacked builds n stacked w-way split/join stages: start -> s1 -> (w branches) -> j1 -> s2 ...
// Metaflow walks every path through it: 10 stages of 4 take it 33 s, 40 never finish.
func stacked(n, w int) string {
	var b strings.Builder
	b.WriteString("\nstart -> s1\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "s%d ->", i)
		for k := 1; k <= w; k++ {
			fmt.Fprintf(&b, " b%d_%d", i, k)
		}
		b.WriteString("\n")
		for k := 1; k <= w; k++ {
			fmt.Fprintf(&b, "b%d_%d -> j%d\n", i, k, i)
		}
		next := fmt.Sprintf("s%d", i+1)
		if i == n {
			next = "end"
		}
		fmt.Fprintf(&b, "j%d(inputs) -> %s\n", i, next)
	}
	b.WriteString("end\n")
	return b.String()
}

// generated builds a flow of about n steps from a fixed seed: a chain of blocks, each a linear
// step, a 3-way split with two-step branches, or a foreach whose body splits again.
func generated(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.WriteString("\nstart -> x0\n")
	prev, id := "x0", 0
	name := func() string { id++; return fmt.Sprintf("x%d", id) }
	for count := 0; count < n; {
		switch r.IntN(3) {
		case 0:
			next := name()
			fmt.Fprintf(&b, "%s -> %s\n", prev, next)
			prev, count = next, count+1
		case 1:
			a1, a2, c1, c2, d, j := name(), name(), name(), name(), name(), name()
			fmt.Fprintf(&b, "%s -> %s %s %s\n%s -> %s\n%s -> %s\n%s -> %s\n%s -> %s\n%s -> %s\n",
				prev, a1, c1, d, a1, a2, a2, j, c1, c2, c2, j, d, j)
			fmt.Fprintf(&b, "%s(inputs) -> ", j)
			prev, count = "", count+7
			b.WriteString(name() + "\n")
			prev = fmt.Sprintf("x%d", id)
		default:
			body, l, r2, inner, j := name(), name(), name(), name(), name()
			fmt.Fprintf(&b, "%s -> %s foreach=items\n%s -> %s %s\n%s -> %s\n%s -> %s\n%s(inputs) -> %s\n%s(inputs) -> ",
				prev, body, body, l, r2, l, inner, r2, inner, inner, j, j)
			b.WriteString(name() + "\n")
			prev, count = fmt.Sprintf("x%d", id), count+6
		}
	}
	fmt.Fprintf(&b, "%s -> end\nend\n", prev)
	return b.String()
}

func TestStackedStagesFinish(t *testing.T) {
	expect(t, parseFlow(t, stacked(40, 4)), "")
	expect(t, parseFlow(t, stacked(400, 4)), "")
}

func TestLargeFlows(t *testing.T) {
	expect(t, parseFlow(t, generated(2000)), "")
	// A long chain and deep nesting: nothing here may recurse per step.
	var chain, nest strings.Builder
	chain.WriteString("\nstart -> c1\n")
	for i := 1; i < 20000; i++ {
		fmt.Fprintf(&chain, "c%d -> c%d\n", i, i+1)
	}
	chain.WriteString("c20000 -> end\nend\n")
	expect(t, parseFlow(t, chain.String()), "")
	const depth = 2000
	nest.WriteString("\nstart -> f1\n")
	for i := 1; i <= depth; i++ {
		fmt.Fprintf(&nest, "f%d -> f%d foreach=items\n", i, i+1)
	}
	fmt.Fprintf(&nest, "f%d -> j%d\n", depth+1, depth)
	for i := depth; i > 1; i-- {
		fmt.Fprintf(&nest, "j%d(inputs) -> j%d\n", i, i-1)
	}
	nest.WriteString("j1(inputs) -> end\nend\n")
	f := parseFlow(t, nest.String())
	expect(t, f, "")
	if got := len(NewGraph(f).ForeachStack(fmt.Sprintf("f%d", depth+1))); got != depth {
		t.Errorf("innermost body is under %d foreaches, want %d", got, depth)
	}
}

func TestCycleLongPaths(t *testing.T) {
	// Every step of a long chain also leads back to start: one component, one report, not a
	// path per back edge.
	var b strings.Builder
	b.WriteString("\nstart -> c1\n")
	const n = 5000
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "c%d -> c%d start\n", i, i+1)
	}
	fmt.Fprintf(&b, "c%d -> end\nend\n", n)
	f := parseFlow(t, b.String())
	Run(f)
	if got := len(NewGraph(f).Loops()); got != 1 {
		t.Errorf("%d cycles reported, want 1", got)
	}
}

func BenchmarkChecks(b *testing.B) {
	for _, c := range []struct {
		name string
		text string
	}{
		{"generated-2000", generated(2000)},
		{"stacked-40x4", stacked(40, 4)},
		{"stacked-400x4", stacked(400, 4)},
	} {
		f := parseFlow(b, c.text)
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if d := Run(f); len(d) != 0 {
					b.Fatalf("unexpected diagnostics:\n%s", format(d))
				}
			}
			b.ReportMetric(float64(len(f.Steps)), "steps")
		})
		// The same without Run's scan for nil entries (ir.NilFree).
		b.Run(c.name+"-resolved", func(b *testing.B) {
			for b.Loop() {
				runChecks(f)
			}
		})
	}
}
