// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type CrossJoinFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *CrossJoinFlow) Start() error {
	f.Next(f.A, f.B)
	return nil
}

//flowc:step
func (f *CrossJoinFlow) A() error {
	f.Next(f.A1, f.A2)
	return nil
}

//flowc:step
func (f *CrossJoinFlow) B() error {
	f.Next(f.B1, f.B2)
	return nil
}

//flowc:step
func (f *CrossJoinFlow) A1() error {
	f.Next(f.J1)
	return nil
}

//flowc:step
func (f *CrossJoinFlow) A2() error {
	f.Next(f.J2)
	return nil
}

//flowc:step
func (f *CrossJoinFlow) B1() error {
	f.Next(f.J1)
	return nil
}

//flowc:step
func (f *CrossJoinFlow) B2() error {
	f.Next(f.J2)
	return nil
}

//flowc:step
func (f *CrossJoinFlow) J1(in flow.Inputs[*CrossJoinFlow]) error { // want cross-join "join \"j1\" joins steps from different splits"
	f.Next(f.J3)
	return nil
}

//flowc:step
func (f *CrossJoinFlow) J2(in flow.Inputs[*CrossJoinFlow]) error { // want cross-join "join \"j2\" joins steps from different splits"
	f.Next(f.J3)
	return nil
}

//flowc:step
func (f *CrossJoinFlow) J3(in flow.Inputs[*CrossJoinFlow]) error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *CrossJoinFlow) End() error {
	return nil
}

func main() { flow.Main(new(CrossJoinFlow)) }
