// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type UnknownStepFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *UnknownStepFlow) Start() error {
	f.Next(f.Ed) // want unknown-step "unknown step \"ed\" in f.Next$"
	return nil
}

//flowc:step
func (f *UnknownStepFlow) End() error {
	return nil
}

// Ed is a helper, not a step: it has no //flowc:step.
func (f *UnknownStepFlow) Ed() error { return nil }

func main() { flow.Main(new(UnknownStepFlow)) }
