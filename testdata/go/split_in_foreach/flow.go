// Package main is the split-in-foreach test flow: each foreach child splits and joins.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type SplitInForeachFlow struct {
	flow.FlowSpec
	Nums  []int
	N     int
	R     int
	Total int
}

//flowc:step
func (f *SplitInForeachFlow) Start() error {
	f.Nums = []int{1, 2}
	f.Next(f.Fan, flow.Foreach("Nums"))
	return nil
}

//flowc:step
func (f *SplitInForeachFlow) Fan() error {
	f.N = flow.Input[int](f)
	f.Next(f.Plus, f.Times)
	return nil
}

//flowc:step
func (f *SplitInForeachFlow) Plus() error {
	f.R = f.N + 10
	f.Next(f.InnerJoin)
	return nil
}

//flowc:step
func (f *SplitInForeachFlow) Times() error {
	f.R = f.N * 10
	f.Next(f.InnerJoin)
	return nil
}

//flowc:step
func (f *SplitInForeachFlow) InnerJoin(in flow.Inputs[*SplitInForeachFlow]) error {
	f.R = in.Get("plus").R + in.Get("times").R
	f.Next(f.OuterJoin)
	return nil
}

//flowc:step
func (f *SplitInForeachFlow) OuterJoin(in flow.Inputs[*SplitInForeachFlow]) error {
	for _, i := range in.All() {
		f.Total += i.R
	}
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *SplitInForeachFlow) End() error { return nil }

func main() { flow.Main(new(SplitInForeachFlow)) }
