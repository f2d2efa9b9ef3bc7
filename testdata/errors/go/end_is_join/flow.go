// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type EndIsJoinFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *EndIsJoinFlow) Start() error {
	f.Next(f.A, f.B)
	return nil
}

//flowc:step
func (f *EndIsJoinFlow) A() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *EndIsJoinFlow) B() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *EndIsJoinFlow) End(in flow.Inputs[*EndIsJoinFlow]) error { // want end-is-join "end"
	return nil
}

func main() { flow.Main(new(EndIsJoinFlow)) }
