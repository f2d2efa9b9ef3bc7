// Package main is the nested split test flow: a split inside a branch of a split.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type NestedSplitFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *NestedSplitFlow) Start() error { f.Next(f.Left, f.Right); return nil }

//flowc:step
func (f *NestedSplitFlow) Left() error { f.Next(f.LeftA, f.LeftB); return nil }

//flowc:step
func (f *NestedSplitFlow) LeftA() error { f.Next(f.LeftJoin); return nil }

//flowc:step
func (f *NestedSplitFlow) LeftB() error { f.Next(f.LeftJoin); return nil }

//flowc:step
func (f *NestedSplitFlow) LeftJoin(in flow.Inputs[*NestedSplitFlow]) error {
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *NestedSplitFlow) Right() error { f.Next(f.Join); return nil }

//flowc:step
func (f *NestedSplitFlow) Join(in flow.Inputs[*NestedSplitFlow]) error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *NestedSplitFlow) End() error { return nil }

func main() { flow.Main(new(NestedSplitFlow)) }
