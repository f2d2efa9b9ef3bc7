// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type NameFlow struct {
	flow.FlowSpec
}

//flowc:step
func (f *NameFlow) Start() error {
	f.Next(f.Load)
	return nil
}

//flowc:step
func (f *NameFlow) Load() error {
	f.Next(f.Load_)
	return nil
}

//flowc:step
func (f *NameFlow) Load_() error { // want name "\"load\" and \"load_\""
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *NameFlow) End() error {
	return nil
}

func main() { flow.Main(new(NameFlow)) }
