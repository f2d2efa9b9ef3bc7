// Package main is the foreach test flow: square each item, sum the squares.
package main

import (
	"fmt"

	"github.com/flowc-dev/flowc/flow"
)

//flowc:flow
type ForeachFlow struct {
	flow.FlowSpec
	Items []int
	Y     int
	Total int
}

//flowc:step
func (f *ForeachFlow) Start() error {
	f.Items = []int{1, 2, 3}
	f.Next(f.Square, flow.Foreach("Items"))
	return nil
}

//flowc:step
func (f *ForeachFlow) Square() error {
	x := flow.Input[int](f)
	f.Y = x * x
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *ForeachFlow) Join(in flow.Inputs[*ForeachFlow]) error {
	for _, i := range in.All() {
		f.Total += i.Y
	}
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *ForeachFlow) End() error {
	fmt.Println(f.Total)
	return nil
}

func main() { flow.Main(new(ForeachFlow)) }
