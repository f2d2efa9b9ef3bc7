// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type EmptyForeachFlow struct {
	flow.FlowSpec
	Items []int
}

//flowc:step
func (f *EmptyForeachFlow) Start() error {
	f.Items = []int{1, 2}
	f.Next(f.Join, flow.Foreach("Items")) // want empty-foreach "foreach"
	return nil
}

//flowc:step
func (f *EmptyForeachFlow) Join(in flow.Inputs[*EmptyForeachFlow]) error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *EmptyForeachFlow) End() error {
	return nil
}

func main() { flow.Main(new(EmptyForeachFlow)) }
