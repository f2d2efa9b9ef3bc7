// Package main is the parameters test flow: parameters of every type.
package main

import "github.com/flowc-dev/flowc/flow"

// Config is the JSON parameter's type.
type Config struct {
	Depth int      `json:"depth"`
	Tags  []string `json:"tags"`
}

// ParameterFlow has parameters of every type.
//
//flowc:flow
type ParameterFlow struct {
	flow.FlowSpec
	Greeting string  `flow:"param=greeting,default=world" help:"Who to greet"`
	Count    int     `flow:"param=count,default=3" help:"How many times"`
	Alpha    float64 `flow:"param=alpha,default=0.01" help:"Learning rate"`
	Verbose  bool    `flow:"param=verbose,default=false" help:"Talk more"`
	Config   Config  `flow:"param=config,default={\"depth\": 2, \"tags\": [\"a\"]}" help:"Settings as JSON"`
	Source   string  `flow:"param=source,required" help:"Where the data is"`
	Limit    int64   `flow:"param=limit" help:"At most this many rows"`
}

//flowc:step
func (f *ParameterFlow) Start() error {
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *ParameterFlow) End() error { return nil }

func main() { flow.Main(new(ParameterFlow)) }
