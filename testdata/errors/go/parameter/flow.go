// Package main is an error case of flowc's Go frontend and checks: each diagnostic is expected by
// a want comment on its line.
package main

import "github.com/flowc-dev/flowc/flow"

//flowc:flow
type ParameterFlow struct {
	flow.FlowSpec
	Alpha int            `flow:"param=alpha,default=1"`
	Again int            `flow:"param=ALPHA,default=2"`        // want parameter "duplicate|ALPHA"
	Bad   string         `flow:"param=bad name,default=x"`     // want parameter "bad name"
	Conf  map[string]int `flow:"param=conf,default={not json"` // want parameter "JSON|json"
	Count int            `flow:"param=count,default=many"`     // want parameter "int|count"
	Odd   string         `flow:"param=odd,optional"`           // want parameter "unknown option"
	Wrong string         `flow:"state"`                        // want parameter "must start with param"
	lower string         `flow:"param=lower"`                  // want parameter "must be exported"
}

//flowc:step
func (f *ParameterFlow) Start() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *ParameterFlow) End() error {
	return nil
}

func main() { flow.Main(new(ParameterFlow)) }
