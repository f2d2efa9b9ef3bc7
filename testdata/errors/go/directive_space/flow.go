// Package main is an error case of flowc's Go frontend: a directive written with a space after
// "//flowc:", which no one read, and which was reported as a comment in the wrong place.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type SpaceFlow struct {
	flow.FlowSpec
}

//flowc: retry times=2 // want decorator "^//flowc: is followed by a space, so it names no directive$"
//flowc:step
func (f *SpaceFlow) Start() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *SpaceFlow) End() error { return nil }

func main() { flow.Main(new(SpaceFlow)) }
