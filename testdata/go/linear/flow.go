// Package main is the linear test flow: three steps in a row.
package main

import (
	"fmt"

	"github.com/flowc-dev/flowc/flow"
)

// LinearFlow is three steps in a row.
//
//flowc:flow
type LinearFlow struct {
	flow.FlowSpec
	X int
}

//flowc:step
func (f *LinearFlow) Start() error {
	f.X = 1
	f.Next(f.Middle)
	return nil
}

//flowc:step
func (f *LinearFlow) Middle() error {
	f.X++
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *LinearFlow) End() error {
	fmt.Println(f.X)
	return nil
}

func main() { flow.Main(new(LinearFlow)) }
