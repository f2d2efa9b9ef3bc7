// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type EndOutgoingFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *EndOutgoingFlow) Start() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *EndOutgoingFlow) End() error {
	f.Next(f.Start) // want end-outgoing "end"
	return nil
}

func main() { flow.Main(new(EndOutgoingFlow)) }
