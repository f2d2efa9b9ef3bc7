// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import (
	"fmt"

	"github.com/flowc-dev/flowc/flow"
)

//flowc:flow
type InvalidTransitionFlow struct {
	flow.FlowSpec
	Items []int
	Count int
}

//flowc:step
func (f *InvalidTransitionFlow) Start() error {
	field := "Items"
	f.Next(f.A, flow.Foreach(field)) // want invalid-transition "string constant"
	return nil
}

//flowc:step
func (f *InvalidTransitionFlow) A() error {
	f.Next(f.B, flow.Foreach("items")) // want invalid-transition "did you mean \"Items\""
	return nil
}

//flowc:step
func (f *InvalidTransitionFlow) B() error {
	f.Next(f.C, flow.Foreach("Count")) // want invalid-transition "not a slice"
	return nil
}

//flowc:step
func (f *InvalidTransitionFlow) C() error {
	f.Next(f.End)
	fmt.Println("done") // want invalid-transition "after"
	return nil
}

//flowc:step
func (f *InvalidTransitionFlow) D() error { // want unreachable "d"
	f.Next() // want invalid-transition "names no step"
	return nil
}

//flowc:step
func (f *InvalidTransitionFlow) End() error {
	return nil
}

func main() { flow.Main(new(InvalidTransitionFlow)) }
