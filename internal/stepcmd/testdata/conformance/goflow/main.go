// Command goflow is the Go side of the step protocol's conformance suite: the flow of
// ../flow.py, written with the Go SDK.
package main

import (
	"errors"
	"time"

	"github.com/flowc-dev/flowc/flow"
)

//flowc:flow
type ConformanceFlow struct {
	flow.FlowSpec
	PFlag bool   `flow:"param=flag,default=false"`
	PN    int    `flow:"param=n,default=1"`
	PText string `flow:"param=text,default=x"`

	Flag    bool
	N       int
	Text    string
	Items   []int
	Doubled int
	Total   int
	Before  string
	Err     *flow.Caught
}

//flowc:step
func (f *ConformanceFlow) Start() error {
	f.Flag, f.N, f.Text = f.PFlag, f.PN, f.PText
	f.Items = []int{10, 20, 30}
	f.Next(f.Body, flow.Foreach("Items"))
	return nil
}

//flowc:step
func (f *ConformanceFlow) Body() error {
	f.Doubled = flow.Input[int](f) * 2
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *ConformanceFlow) Join(in flow.Inputs[*ConformanceFlow]) error {
	for _, c := range in.All() {
		f.Total += c.Doubled
	}
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *ConformanceFlow) Boom() error {
	f.Before = "kept"
	return errors.New("boom")
}

//flowc:step
func (f *ConformanceFlow) Slow() error {
	time.Sleep(20 * time.Second)
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *ConformanceFlow) End() error { return nil }

func main() { flow.Main(new(ConformanceFlow)) }
