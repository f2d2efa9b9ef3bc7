// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type NoStartFlow struct { // want no-start "start"
	flow.FlowSpec
}

//flowc:step
func (f *NoStartFlow) Begin() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *NoStartFlow) End() error {
	return nil
}

func main() { flow.Main(new(NoStartFlow)) }
