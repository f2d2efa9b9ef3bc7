// Package main is the multi-step foreach test flow: a body of three steps.
package main

import (
	"fmt"

	"github.com/flowc-dev/flowc/flow"
)

//flowc:flow
type ForeachMultiStepFlow struct {
	flow.FlowSpec
	Words []string
	N     int
	Line  string
	Lines []string
}

//flowc:step
func (f *ForeachMultiStepFlow) Start() error {
	f.Words = []string{"a", "bb", "ccc"}
	f.Next(f.Measure, flow.Foreach("Words"))
	return nil
}

//flowc:step
func (f *ForeachMultiStepFlow) Measure() error {
	f.N = len(flow.Input[string](f))
	f.Next(f.Double)
	return nil
}

//flowc:step
func (f *ForeachMultiStepFlow) Double() error {
	f.N *= 2
	f.Next(f.Record)
	return nil
}

//flowc:step
func (f *ForeachMultiStepFlow) Record() error {
	f.Line = fmt.Sprintf("%s=%d", flow.Input[string](f), f.N)
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *ForeachMultiStepFlow) Join(in flow.Inputs[*ForeachMultiStepFlow]) error {
	for _, i := range in.All() {
		f.Lines = append(f.Lines, i.Line)
	}
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *ForeachMultiStepFlow) End() error { return nil }

func main() { flow.Main(new(ForeachMultiStepFlow)) }
