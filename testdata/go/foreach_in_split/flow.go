// Package main is the foreach-in-split test flow: one branch of a split fans out.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type ForeachInSplitFlow struct {
	flow.FlowSpec
	V     any
	Items []string
}

//flowc:step
func (f *ForeachInSplitFlow) Start() error {
	f.Next(f.Plain, f.Fanout)
	return nil
}

//flowc:step
func (f *ForeachInSplitFlow) Plain() error {
	f.V = 1
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *ForeachInSplitFlow) Fanout() error {
	f.Items = []string{"x", "y"}
	f.Next(f.Body, flow.Foreach("Items"))
	return nil
}

//flowc:step
func (f *ForeachInSplitFlow) Body() error {
	f.V = f.Input()
	f.Next(f.FanJoin)
	return nil
}

//flowc:step
func (f *ForeachInSplitFlow) FanJoin(in flow.Inputs[*ForeachInSplitFlow]) error {
	f.V = in.Len()
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *ForeachInSplitFlow) Join(in flow.Inputs[*ForeachInSplitFlow]) error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *ForeachInSplitFlow) End() error { return nil }

func main() { flow.Main(new(ForeachInSplitFlow)) }
