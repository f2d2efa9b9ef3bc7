// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type NotAFlow struct { // want no-flow "not a struct that embeds flow.FlowSpec"
	X int
}

func main() {}

var _ = flow.Foreach
