// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type StepNameFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *StepNameFlow) Start() error {
	f.Next(f.SaveDB)
	return nil
}

//flowc:step
func (f *StepNameFlow) SaveDB() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *StepNameFlow) Save_DB() error { // want step-name "defined more than once"
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *StepNameFlow) End() error {
	return nil
}

func main() { flow.Main(new(StepNameFlow)) }
