// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type CycleFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *CycleFlow) Start() error {
	f.Next(f.A)
	return nil
}

//flowc:step
func (f *CycleFlow) A() error {
	f.Next(f.B)
	return nil
}

//flowc:step
func (f *CycleFlow) B() error {
	f.Next(f.A) // want cycle "cycle"
	return nil
}

//flowc:step
func (f *CycleFlow) End() error { // want unreachable "end"
	return nil
}

func main() { flow.Main(new(CycleFlow)) }
