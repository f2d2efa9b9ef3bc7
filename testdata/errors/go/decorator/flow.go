// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type DecoratorFlow struct {
	flow.FlowSpec
}

//flowc:retry times=-1 // want decorator "times"
//flowc:timeout seconds=soon // want decorator "seconds"
//flowc:resources memory=lots // want decorator "memory"
//flowc:catch var="1x" // want decorator "^//flowc:catch var=1x must name an exported field of DecoratorFlow of type flow.Caught or \*flow.Caught$"
//flowc:step
func (f *DecoratorFlow) Start() error {
	f.Next(f.End)
	return nil
}

//flowc:magic // want decorator "unknown directive //flowc:magic"
//flowc:environment vars={A=1 B=2} // want decorator "unexpected 'B'; want ','"
//flowc:step
func (f *DecoratorFlow) End() error {
	return nil
}

//flowc:retry times=2 // want decorator "not in the doc comment"
func (f *DecoratorFlow) helper() {}

//flowc:step // want decorator "not a method of a //flowc:flow type"
func Loose() error { return nil }

func main() { flow.Main(new(DecoratorFlow)) }
