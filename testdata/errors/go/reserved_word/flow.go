// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type ReservedWordFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *ReservedWordFlow) Start() error {
	f.Next(f.Name)
	return nil
}

//flowc:step
func (f *ReservedWordFlow) Name() error { // want reserved-word "name"
	f.Next(f.Input)
	return nil
}

//flowc:step
func (f *ReservedWordFlow) Input() error { // want reserved-word "step name \"input\" is a reserved word"
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *ReservedWordFlow) End() error {
	return nil
}

func main() { flow.Main(new(ReservedWordFlow)) }
