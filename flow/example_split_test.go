package flow_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/flowc-dev/flowc/flow"
)

// BranchFlow splits into two branches that run in parallel and joins them.
//
//flowc:flow
type BranchFlow struct {
	flow.FlowSpec
	Price    float64
	Discount float64
	Final    float64
}

//flowc:step
func (f *BranchFlow) Start() error {
	f.Price = 100
	f.Next(f.Member, f.Coupon) // a split: both run
	return nil
}

//flowc:step
func (f *BranchFlow) Member() error {
	f.Discount = 10
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *BranchFlow) Coupon() error {
	f.Discount = 25
	f.Next(f.Join)
	return nil
}

// Join sees each branch by name; MergeArtifacts copies Price, on which both agree, and Discount
// is excluded because they do not.
//
//flowc:step
func (f *BranchFlow) Join(in flow.Inputs[*BranchFlow]) error {
	best := max(in.Get("member").Discount, in.Get("coupon").Discount)
	if err := flow.MergeArtifacts(f, in, "Discount"); err != nil {
		return err
	}
	f.Final = f.Price - best
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *BranchFlow) End() error {
	fmt.Println("final price:", f.Final)
	return nil
}

// A split and its join. The join's inputs come in the order the split named its branches.
func ExampleInputs() {
	dir, _ := os.MkdirTemp("", "branch")
	defer os.RemoveAll(dir)
	out := func(step string) string { return filepath.Join(dir, step) }
	for _, args := range [][]string{
		{"step", "start", "--out", out("start"), "--next", "member,coupon"},
		{"step", "member", "--in", "start=" + out("start"), "--out", out("member"), "--next", "join"},
		{"step", "coupon", "--in", "start=" + out("start"), "--out", out("coupon"), "--next", "join"},
		{"step", "join", "--in", "member=" + out("member"), "--in", "coupon=" + out("coupon"), "--out", out("join"), "--next", "end"},
		{"step", "end", "--in", "join=" + out("join"), "--out", out("end")},
	} {
		if err := flow.RunStep(new(BranchFlow), args); err != nil {
			fmt.Println(err)
		}
	}
	// Output: final price: 75
}
