// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type TypeCheckFlow struct {
	flow.FlowSpec
	Count int
}

//flowc:step
func (f *TypeCheckFlow) Start() error {
	f.Count = undefinedName // want type-check "undefined: undefinedName"
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *TypeCheckFlow) End() error {
	return nil
}

func main() { flow.Main(new(TypeCheckFlow)) }
