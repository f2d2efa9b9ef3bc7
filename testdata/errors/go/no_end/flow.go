// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type NoEndFlow struct { // want no-end "end"
	flow.FlowSpec
}

//flowc:step
func (f *NoEndFlow) Start() error {
	f.Next(f.Finish)
	return nil
}

//flowc:step
func (f *NoEndFlow) Finish() error {
	return nil
}

func main() { flow.Main(new(NoEndFlow)) }
