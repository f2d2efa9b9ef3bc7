// Package main is the nested foreach test flow: three levels, as Metaflow's nested_foreach graph.
package main

import (
	"strings"

	"github.com/flowc-dev/flowc/flow"
)

//flowc:flow
type NestedForeachFlow struct {
	flow.FlowSpec
	X, Y, Z []string
	Word    string
}

//flowc:step
func (f *NestedForeachFlow) Start() error {
	f.X = []string{"a", "b", "c"}
	f.Next(f.ForeachSplitX, flow.Foreach("X"))
	return nil
}

//flowc:step
func (f *NestedForeachFlow) ForeachSplitX() error {
	f.Y = []string{"d", "e"}
	f.Next(f.ForeachSplitY, flow.Foreach("Y"))
	return nil
}

//flowc:step
func (f *NestedForeachFlow) ForeachSplitY() error {
	f.Z = strings.Split("fghijk", "")
	f.Next(f.ForeachInner, flow.Foreach("Z"))
	return nil
}

//flowc:step
func (f *NestedForeachFlow) ForeachInner() error {
	f.Word = flow.Input[string](f)
	f.Next(f.ForeachJoinZ)
	return nil
}

//flowc:step
func (f *NestedForeachFlow) ForeachJoinZ(in flow.Inputs[*NestedForeachFlow]) error {
	f.Word = joinWords(in)
	f.Next(f.ForeachJoinY)
	return nil
}

//flowc:step
func (f *NestedForeachFlow) ForeachJoinY(in flow.Inputs[*NestedForeachFlow]) error {
	f.Word = joinWords(in)
	f.Next(f.ForeachJoinX)
	return nil
}

//flowc:step
func (f *NestedForeachFlow) ForeachJoinX(in flow.Inputs[*NestedForeachFlow]) error {
	f.Word = joinWords(in)
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *NestedForeachFlow) End() error { return nil }

// joinWords concatenates the inputs' words in order: a helper, not a step.
func joinWords(in flow.Inputs[*NestedForeachFlow]) string {
	var b strings.Builder
	for _, i := range in.All() {
		b.WriteString(i.Word)
	}
	return b.String()
}

func main() { flow.Main(new(NestedForeachFlow)) }
