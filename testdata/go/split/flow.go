// Package main is the split test flow: a three-way split and its join.
package main

import (
	"sort"

	"github.com/flowc-dev/flowc/flow"
)

//flowc:flow
type SplitFlow struct {
	flow.FlowSpec
	V  string
	Vs []string
}

//flowc:step
func (f *SplitFlow) Start() error {
	f.Next(f.A, f.B, f.C)
	return nil
}

//flowc:step
func (f *SplitFlow) A() error {
	f.V = "a"
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *SplitFlow) B() error {
	f.V = "b"
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *SplitFlow) C() error {
	f.V = "c"
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *SplitFlow) Join(in flow.Inputs[*SplitFlow]) error {
	for _, i := range in.All() {
		f.Vs = append(f.Vs, i.V)
	}
	sort.Strings(f.Vs)
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *SplitFlow) End() error { return nil }

func main() { flow.Main(new(SplitFlow)) }
