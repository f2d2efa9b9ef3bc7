// Package main is a Go flow that imports a third-party module (golang.org/x/text, required by
// flowc's go.mod): its image build downloads it through the GOPROXY given as a build argument.
package main

import (
	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"github.com/flowc-dev/flowc/flow"
)

// DepsFlow title-cases a greeting with x/text in one step and keeps it for the next.
//
//flowc:flow
type DepsFlow struct {
	flow.FlowSpec
	Greeting string
}

//flowc:step
func (f *DepsFlow) Start() error {
	f.Greeting = cases.Title(language.Und).String("hello, wörld")
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *DepsFlow) End() error { return nil }

func main() { flow.Main(new(DepsFlow)) }
