// Package main is an error case of flowc's Go frontend: a step that returns without error before
// its f.Next, which compiled and then failed the run when the step ended without a transition.
package main

import (
	"errors"

	"github.com/flowc-dev/flowc/flow"
)

//flowc:flow
type EarlyReturnFlow struct {
	flow.FlowSpec
	Skip bool
}

//flowc:step
func (f *EarlyReturnFlow) Start() error {
	if f.Skip {
		return nil // want invalid-transition "^return before f.Next in step \"start\" ends the step without its transition$"
	}
	f.Next(f.Middle)
	return nil
}

//flowc:step
func (f *EarlyReturnFlow) Middle() error {
	if f.Skip {
		return errors.New("skipped") // failing the step is the step's to decide
	}
	check := func() error { return nil } // a function of its own
	_ = check()
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *EarlyReturnFlow) End() error { return nil }

func main() { flow.Main(new(EarlyReturnFlow)) }
