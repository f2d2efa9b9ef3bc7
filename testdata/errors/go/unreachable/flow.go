// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type UnreachableFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *UnreachableFlow) Start() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *UnreachableFlow) Orphan() error { // want unreachable "orphan"
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *UnreachableFlow) End() error {
	return nil
}

func main() { flow.Main(new(UnreachableFlow)) }
