// Package main is an error case of flowc's Go frontend: a generic flow type, which was reported
// as a flow without start and end steps.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type GenericFlow[T any] struct { // want no-flow "^flow type GenericFlow has type parameters; flowc compiles one concrete flow type, which its steps are methods of$"
	flow.FlowSpec
	Value T
}

//flowc:step
func (f *GenericFlow[T]) Start() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *GenericFlow[T]) End() error { return nil }

func main() { flow.Main(new(GenericFlow[int])) }
