package flow_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/flow"
)

//flowc:flow
type sumFlow struct {
	flow.FlowSpec
	Nums    []int
	Squared int
	Total   int
}

//flowc:step
func (f *sumFlow) Start() error {
	for i := 1; i <= 11; i++ {
		f.Nums = append(f.Nums, i)
	}
	f.Next(f.Square, flow.Foreach("Nums"))
	return nil
}

//flowc:step
func (f *sumFlow) Square() error {
	n := flow.Input[int](f)
	if n != f.Index()+1 {
		return fmt.Errorf("child %d got %d", f.Index(), n)
	}
	f.Squared = n * n
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *sumFlow) Join(in flow.Inputs[*sumFlow]) error {
	for i, x := range in.All() {
		if x.Index() != i {
			return fmt.Errorf("input %d has index %d", i, x.Index())
		}
		f.Total += x.Squared
	}
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *sumFlow) End() error { return nil }

func TestForeachSum(t *testing.T) {
	r := newStepRunner(t)
	r.run(new(sumFlow), "start", "--out", r.dir("start"), "--next", "square", "--foreach", "Nums")
	if got := r.read(r.dir("start", "foreach.json")); got != "[0,1,2,3,4,5,6,7,8,9,10]" {
		t.Errorf("foreach.json = %s", got)
	}
	for i := 0; i < 11; i++ {
		idx := strconv.Itoa(i)
		r.run(new(sumFlow), "square", "--in", "start="+r.dir("start"), "--index", idx, "--out", r.dir("square", idx), "--next", "join")
	}
	join := new(sumFlow)
	r.run(join, "join", "--in-foreach", "square="+r.dir("square"), "--out", r.dir("join"), "--next", "end")
	if join.Total != 506 || join.Index() != -1 {
		t.Errorf("sum of squares = %d (index %d), want 506 outside any foreach", join.Total, join.Index())
	}
	if err := r.fail(new(sumFlow), "square", "--in", "start="+r.dir("start"), "--index", "11", "--out", r.dir("x"), "--next", "join"); !strings.Contains(err.Error(), "out of range") {
		t.Errorf("got %v", err)
	}
}

//flowc:flow
type emptyFlow struct {
	flow.FlowSpec
	Items []string
}

//flowc:step
func (f *emptyFlow) Start() error { f.Next(f.End, flow.Foreach("Items")); return nil }

//flowc:step
func (f *emptyFlow) End() error { return nil }

func TestForeachEmpty(t *testing.T) {
	r := newStepRunner(t)
	err := r.fail(new(emptyFlow), "start", "--out", r.dir("start"), "--next", "end", "--foreach", "Items")
	if !strings.Contains(err.Error(), "foreach field Items is empty") {
		t.Errorf("got %v", err)
	}
}

//flowc:flow
type nestedFlow struct {
	flow.FlowSpec
	X, Y, Z []string
	Word    string
}

//flowc:step
func (f *nestedFlow) Start() error {
	f.X = []string{"a", "b"}
	f.Next(f.SplitY, flow.Foreach("X"))
	return nil
}

//flowc:step
func (f *nestedFlow) SplitY() error {
	f.Y = []string{f.Input().(string) + "1", f.Input().(string) + "2", f.Input().(string) + "3"}
	f.Next(f.SplitZ, flow.Foreach("Y"))
	return nil
}

//flowc:step
func (f *nestedFlow) SplitZ() error {
	f.Z = []string{flow.Input[string](f) + "p", flow.Input[string](f) + "q"}
	f.Next(f.Inner, flow.Foreach("Z"))
	return nil
}

// Inner records its whole foreach stack: every level's index and element.
//
//flowc:step
func (f *nestedFlow) Inner() error {
	var parts []string
	for _, fr := range f.ForeachStack() {
		parts = append(parts, fmt.Sprintf("%s[%d]=%s", fr.Var, fr.Index, fr.Value))
	}
	f.Word = strings.Join(parts, " ") + fmt.Sprintf(" in=%v idx=%d", f.Input(), f.Index())
	f.Next(f.JoinZ)
	return nil
}

//flowc:step
func (f *nestedFlow) JoinZ(in flow.Inputs[*nestedFlow]) error { return f.joinWords(in, f.JoinY) }
func (f *nestedFlow) JoinY(in flow.Inputs[*nestedFlow]) error { return f.joinWords(in, f.JoinX) }
func (f *nestedFlow) JoinX(in flow.Inputs[*nestedFlow]) error { return f.joinWords(in, f.End) }
func (f *nestedFlow) End() error                              { return nil }
func (f *nestedFlow) joinWords(in flow.Inputs[*nestedFlow], next any) error {
	var words []string
	for _, x := range in.All() {
		words = append(words, x.Word)
	}
	f.Word = strings.Join(words, "\n")
	f.Next(next)
	return nil
}

func TestNestedForeach(t *testing.T) {
	r := newStepRunner(t)
	r.run(new(nestedFlow), "start", "--out", r.dir("start"), "--next", "split_y", "--foreach", "X")
	for i := 0; i < 2; i++ {
		a := strconv.Itoa(i)
		r.run(new(nestedFlow), "split_y", "--in", "start="+r.dir("start"), "--index", a, "--out", r.dir("split_y", a), "--next", "split_z", "--foreach", "Y")
		for j := 0; j < 3; j++ {
			b := strconv.Itoa(j)
			r.run(new(nestedFlow), "split_z", "--in", "split_y="+r.dir("split_y", a), "--index", b, "--out", r.dir("split_z", a, b), "--next", "inner", "--foreach", "Z")
			for k := 0; k < 2; k++ {
				c := strconv.Itoa(k)
				r.run(new(nestedFlow), "inner", "--in", "split_z="+r.dir("split_z", a, b), "--index", c, "--out", r.dir("inner", a, b, c), "--next", "join_z")
			}
			r.run(new(nestedFlow), "join_z", "--in-foreach", "inner="+r.dir("inner", a, b), "--out", r.dir("join_z", a, b), "--next", "join_y")
		}
		r.run(new(nestedFlow), "join_y", "--in-foreach", "join_z="+r.dir("join_z", a), "--out", r.dir("join_y", a), "--next", "join_x")
	}
	x := new(nestedFlow)
	r.run(x, "join_x", "--in-foreach", "join_y="+r.dir("join_y"), "--out", r.dir("join_x"), "--next", "end")
	lines := strings.Split(x.Word, "\n")
	if len(lines) != 12 {
		t.Fatalf("got %d words, want 12:\n%s", len(lines), x.Word)
	}
	want := `X[1]="b" Y[2]="b3" Z[0]="b3p" in=b3p idx=0`
	if lines[10] != want {
		t.Errorf("word 10 = %q, want %q", lines[10], want)
	}
}
