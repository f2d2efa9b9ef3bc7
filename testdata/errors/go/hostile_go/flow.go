// Package main is an error case of flowc's Go frontend: what compiled before and failed only
// when the flow ran, or what made the compile run tools. Each diagnostic is expected by a want
// comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

// Base holds fields that HostileFlow embeds: a foreach over a promoted field is accepted.
type Base struct {
	Items []string
}

//flowc:flow
type HostileFlow struct {
	flow.FlowSpec
	Base
	Seen []string
}

//flowc:retyr times=2 // want decorator "^unknown directive //flowc:retyr$"
//flowc:step
func (f *HostileFlow) Start() error {
	f.Items = []string{"a", "b"}
	f.Next(f.body, flow.Foreach("Items"))
	return nil
}

//flowc:step
func (f *HostileFlow) body() error { // want step-name "step method body is not exported, so the flow's binary cannot call it$"
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *HostileFlow) Join(in flow.Inputs[*HostileFlow]) error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *HostileFlow) End() error { return nil }

//flowc:flow
type SecondFlow struct { // want no-flow "declares two //flowc:flow types, HostileFlow and SecondFlow"
	flow.FlowSpec
}

//flowc:step
func (f *SecondFlow) Start() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *SecondFlow) End() error { return nil }

func main() { flow.Main(new(HostileFlow)) }
