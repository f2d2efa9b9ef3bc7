// Package pipeline is an error case of flowc's Go frontend: a flow outside package main, which
// compiled and then failed to build into the binary its steps run.
package pipeline

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type LibraryFlow struct { // want load "^flow LibraryFlow is in package pipeline: a flow's package must be main"
	flow.FlowSpec
}

//flowc:step
func (f *LibraryFlow) Start() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *LibraryFlow) End() error { return nil }
