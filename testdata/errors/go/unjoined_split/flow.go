// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type UnjoinedSplitFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *UnjoinedSplitFlow) Start() error {
	f.Next(f.A, f.B) // want unjoined-split "start"
	return nil
}

//flowc:step
func (f *UnjoinedSplitFlow) A() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *UnjoinedSplitFlow) B() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *UnjoinedSplitFlow) End() error {
	return nil
}

func main() { flow.Main(new(UnjoinedSplitFlow)) }
