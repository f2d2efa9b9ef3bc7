// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type JoinArityFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *JoinArityFlow) Start() error {
	f.Next(f.A, f.B)
	return nil
}

//flowc:step
func (f *JoinArityFlow) A() error {
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *JoinArityFlow) B() error {
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *JoinArityFlow) Join() error { // want join-arity "join"
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *JoinArityFlow) End() error {
	return nil
}

func main() { flow.Main(new(JoinArityFlow)) }
