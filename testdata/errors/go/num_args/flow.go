// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type NumArgsFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *NumArgsFlow) Start() error {
	f.Next(f.A)
	return nil
}

//flowc:step
func (f *NumArgsFlow) A(in flow.Inputs[*NumArgsFlow], extra int) error { // want num-args "too many"
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *NumArgsFlow) B(n int) error { // want step-signature "must be flow.Inputs" want unreachable "b"
	f.Next(f.End)
	return nil
}

//flowc:step
func (f NumArgsFlow) C() error { // want step-signature "value receiver" want unreachable "c"
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *NumArgsFlow) D() (int, error) { // want step-signature "must return error" want unreachable "d"
	f.Next(f.End)
	return 0, nil
}

//flowc:step
func (f *NumArgsFlow) End() error {
	return nil
}

func main() { flow.Main(new(NumArgsFlow)) }
