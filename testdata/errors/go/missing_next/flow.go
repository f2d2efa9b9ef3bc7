// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type MissingNextFlow struct {
	flow.FlowSpec
	X int
}

//flowc:step
func (f *MissingNextFlow) Start() error { // want missing-next "start"
	f.X = 1
	return nil
}

//flowc:step
func (f *MissingNextFlow) End() error { // want unreachable "end"
	return nil
}

func main() { flow.Main(new(MissingNextFlow)) }
