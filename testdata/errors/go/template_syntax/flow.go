// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type TemplateSyntaxFlow struct {
	flow.FlowSpec
	P string `flow:"param=x{{y}},default=1"` // want template-syntax|parameter "\{\{"
}

//flowc:step
func (f *TemplateSyntaxFlow) Start() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *TemplateSyntaxFlow) End() error {
	return nil
}

func main() { flow.Main(new(TemplateSyntaxFlow)) }
