// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type StartIncomingFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *StartIncomingFlow) Start() error {
	f.Next(f.A)
	return nil
}

//flowc:step
func (f *StartIncomingFlow) A() error {
	f.Next(f.Start, f.End) // want cycle "cycle" start-incoming "start"
	return nil
}

//flowc:step
func (f *StartIncomingFlow) End() error {
	return nil
}

func main() { flow.Main(new(StartIncomingFlow)) }
