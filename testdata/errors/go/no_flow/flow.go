// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

// NoFlow embeds FlowSpec but is not marked, so it is not a flow.
type NoFlow struct { // want no-flow "no //flowc:flow comment"
	flow.FlowSpec
}

func main() { flow.Main(new(NoFlow)) }
