// Package main is an error case of flowc's Go frontend: directives written with a space, which no
// one read, and which were reported as misplaced or not at all (gofmt turns "//flowc: retry"
// into "// flowc: retry", a plain comment).
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type SpaceFlow struct {
	flow.FlowSpec
}

// flowc:retry times=2 // want decorator "^// flowc: has a space after //, so it is a comment, not a directive$"
//
//flowc:step
func (f *SpaceFlow) Start() error {
	f.Next(f.Middle)
	return nil
}

// flowc: timeout seconds=5 // want decorator "^// flowc: has a space after //, so it is a comment, not a directive$"
//
//flowc:step
func (f *SpaceFlow) Middle() error {
	f.Next(f.Late)
	return nil
}

//flowc:step
func (f *SpaceFlow) End() error { return nil }

func main() { flow.Main(new(SpaceFlow)) }
