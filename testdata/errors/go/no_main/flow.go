// Package main is an error case of flowc's Go frontend: a flow package without func main, which
// compiled and then failed to build in the flow's image.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type NoMainFlow struct { // want load "^package main of flow NoMainFlow has no func main, so its image cannot build the binary each step runs$"
	flow.FlowSpec
}

//flowc:step
func (f *NoMainFlow) Start() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *NoMainFlow) End() error { return nil }
