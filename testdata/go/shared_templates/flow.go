// Package main is the shared templates test flow: steps of one shape share one Argo template
// (flowc.yaml: templates: shared): the two branches, the two steps of the inner foreach body,
// and the two steps after its join.
package main

import (
	"sort"
	"strings"

	"github.com/flowc-dev/flowc/flow"
)

//flowc:flow
type SharedTemplatesFlow struct {
	flow.FlowSpec
	Words, Out, Merged, Letters []string
	Code                        int
	Codes, Sums, Counts         []int
	Sum, N                      int
}

//flowc:step
func (f *SharedTemplatesFlow) Start() error {
	f.Words = []string{"ab", "cde"}
	f.Next(f.Upper, f.Lower)
	return nil
}

//flowc:environment vars={SUFFIX="!"}
//flowc:step
func (f *SharedTemplatesFlow) Upper() error {
	for _, w := range f.Words {
		f.Out = append(f.Out, strings.ToUpper(w))
	}
	f.Next(f.Join)
	return nil
}

//flowc:environment vars={SUFFIX="!"}
//flowc:step
func (f *SharedTemplatesFlow) Lower() error {
	for _, w := range f.Words {
		f.Out = append(f.Out, w+"!")
	}
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *SharedTemplatesFlow) Join(in flow.Inputs[*SharedTemplatesFlow]) error {
	for _, i := range in.All() {
		f.Merged = append(f.Merged, i.Out...)
		f.Words = i.Words
	}
	sort.Strings(f.Merged)
	f.Next(f.Each, flow.Foreach("Words"))
	return nil
}

//flowc:step
func (f *SharedTemplatesFlow) Each() error {
	f.Letters = strings.Split(flow.Input[string](f), "")
	f.Next(f.Letter, flow.Foreach("Letters"))
	return nil
}

//flowc:step
func (f *SharedTemplatesFlow) Letter() error {
	f.Code = int(flow.Input[string](f)[0])
	f.Next(f.Double)
	return nil
}

//flowc:retry times=1
//flowc:step
func (f *SharedTemplatesFlow) Double() error {
	f.Code *= 2
	f.Next(f.Triple)
	return nil
}

//flowc:retry times=1
//flowc:step
func (f *SharedTemplatesFlow) Triple() error {
	f.Code *= 3
	f.Next(f.InnerJoin)
	return nil
}

//flowc:step
func (f *SharedTemplatesFlow) InnerJoin(in flow.Inputs[*SharedTemplatesFlow]) error {
	f.Codes = nil
	for _, i := range in.All() {
		f.Codes = append(f.Codes, i.Code)
	}
	f.Next(f.Total)
	return nil
}

//flowc:step
func (f *SharedTemplatesFlow) Total() error {
	f.Sum = 0
	for _, c := range f.Codes {
		f.Sum += c
	}
	f.Next(f.Count)
	return nil
}

//flowc:step
func (f *SharedTemplatesFlow) Count() error {
	f.N = len(f.Codes)
	f.Next(f.OuterJoin)
	return nil
}

//flowc:step
func (f *SharedTemplatesFlow) OuterJoin(in flow.Inputs[*SharedTemplatesFlow]) error {
	for _, i := range in.All() {
		f.Sums = append(f.Sums, i.Sum)
		f.Counts = append(f.Counts, i.N)
	}
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *SharedTemplatesFlow) End() error { return nil }

func main() { flow.Main(new(SharedTemplatesFlow)) }
