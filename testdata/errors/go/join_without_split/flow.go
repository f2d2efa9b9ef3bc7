// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type JoinWithoutSplitFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *JoinWithoutSplitFlow) Start() error {
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *JoinWithoutSplitFlow) Join(in flow.Inputs[*JoinWithoutSplitFlow]) error { // want join-without-split "join"
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *JoinWithoutSplitFlow) End() error {
	return nil
}

func main() { flow.Main(new(JoinWithoutSplitFlow)) }
