package check

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// shape is a step of a generated well-formed flow.
type shape struct {
	name    string
	join    bool
	foreach bool
	next    []*shape
	closer  *shape // for a splitting step, the join generated for it
}

type shaper struct {
	r     *rand.Rand
	steps []*shape
}

func (g *shaper) add(join bool) *shape {
	s := &shape{name: fmt.Sprintf("s%d", len(g.steps)), join: join}
	g.steps = append(g.steps, s)
	return s
}

// grow appends one to three pieces after prev (linear steps, splits, foreaches, nested up to
// depth) and returns the last step, whose successors are not set yet.
func (g *shaper) grow(prev *shape, depth int) *shape {
	for range 1 + g.r.IntN(3) {
		switch k := g.r.IntN(3); {
		case k == 1 && depth > 0:
			if prev.join { // a join may not split again (num-args): put a step between
				n := g.add(false)
				prev.next = []*shape{n}
				prev = n
			}
			j := g.add(true)
			for range 2 + g.r.IntN(3) {
				b := g.add(false)
				prev.next = append(prev.next, b)
				g.grow(b, depth-1).next = []*shape{j}
			}
			prev.closer, prev = j, j
		case k == 2 && depth > 0:
			j, body := g.add(true), g.add(false)
			prev.foreach, prev.next, prev.closer = true, []*shape{body}, j
			g.grow(body, depth-1).next = []*shape{j}
			prev = j
		default:
			n := g.add(false)
			prev.next = []*shape{n}
			prev = n
		}
	}
	return prev
}

func (g *shaper) text() string {
	var b strings.Builder
	b.WriteString("\n")
	for _, s := range g.steps {
		b.WriteString(s.name)
		if s.join {
			b.WriteString("(inputs)")
		}
		if len(s.next) > 0 {
			b.WriteString(" ->")
		}
		for _, n := range s.next {
			b.WriteString(" " + n.name)
		}
		if s.foreach {
			b.WriteString(" foreach=items")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestWellFormed generates random well-formed flows: nested splits, foreaches, joins followed
// by splits. None may get a diagnostic, and every split's matching join is the one generated for it.
func TestWellFormed(t *testing.T) {
	for seed := range uint64(300) {
		g := &shaper{r: rand.New(rand.NewPCG(seed, 3))}
		start := g.add(false)
		start.name = "start"
		last := g.grow(start, 3)
		end := g.add(false)
		end.name = "end"
		last.next = []*shape{end}
		f := parseFlow(t, g.text())
		if d := Run(f); len(d) > 0 {
			t.Fatalf("seed %d:\n%s\n%s", seed, g.text(), format(d))
		}
		gr := NewGraph(f)
		for _, s := range g.steps {
			want := ""
			if s.closer != nil {
				want = s.closer.name
			}
			if got := gr.MatchingJoin(s.name); got != want {
				t.Fatalf("seed %d: MatchingJoin(%q) = %q, want %q\n%s", seed, s.name, got, want, g.text())
			}
		}
		if seed < 100 {
			mutate(t, seed, g)
		}
	}
}

// mutate breaks the flow one way at a time: a branch that skips its join and goes to end, a
// join declared without inputs. Each must be reported. At most 8 places a flow, to stay fast.
func mutate(t *testing.T, seed uint64, g *shaper) {
	end := g.steps[len(g.steps)-1]
	broken := func(what string) {
		t.Helper()
		if d := Run(parseFlow(t, g.text())); !d.HasErrors() {
			t.Fatalf("seed %d: %s passed:\n%s", seed, what, g.text())
		}
	}
	tried := 0
	for _, s := range g.steps {
		if len(s.next) != 1 || !s.next[0].join || tried == 8 {
			continue
		}
		tried++
		j := s.next[0]
		s.next[0] = end
		broken(s.name + " skipping " + j.name)
		s.next[0] = j
		j.join = false
		broken(j.name + " without inputs")
		j.join = true
	}
}
