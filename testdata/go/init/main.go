// Command hello is a small flow to start from: parameters, a split into two branches and their
// join, and a foreach over a list with its join. Run it with: flowc run . --param count=4
package main

import (
	"fmt"
	"strings"

	"github.com/flowc-dev/flowc/flow"
)

// InitFlow is the flow; its exported fields travel from step to step.
//
//flowc:flow
type InitFlow struct {
	flow.FlowSpec
	Greeting string `flow:"param=greeting,default=hello" help:"What each worker says"`
	Count    int    `flow:"param=count,default=3" help:"How many workers"`
	Voice    string
	Voices   []string
	Workers  []int
	Line     string
	Lines    []string
}

// Start splits into two branches that run in parallel.
//
//flowc:step
func (f *InitFlow) Start() error {
	f.Next(f.Shout, f.Whisper)
	return nil
}

//flowc:step
func (f *InitFlow) Shout() error {
	f.Voice = strings.ToUpper(f.Greeting) + "!"
	f.Next(f.JoinVoices)
	return nil
}

//flowc:step
func (f *InitFlow) Whisper() error {
	f.Voice = strings.ToLower(f.Greeting) + "..."
	f.Next(f.JoinVoices)
	return nil
}

// JoinVoices sees each branch's state.
//
//flowc:step
func (f *InitFlow) JoinVoices(in flow.Inputs[*InitFlow]) error {
	f.Voices = []string{in.Get("shout").Voice, in.Get("whisper").Voice}
	f.Next(f.FanOut)
	return nil
}

// FanOut runs Work once per element of Workers.
//
//flowc:step
func (f *InitFlow) FanOut() error {
	for i := 0; i < f.Count; i++ {
		f.Workers = append(f.Workers, i)
	}
	f.Next(f.Work, flow.Foreach("Workers"))
	return nil
}

//flowc:step
func (f *InitFlow) Work() error {
	i := flow.Input[int](f)
	f.Line = fmt.Sprintf("worker %d says %s", i, f.Voices[i%2])
	f.Next(f.Gather)
	return nil
}

//flowc:step
func (f *InitFlow) Gather(in flow.Inputs[*InitFlow]) error {
	for _, w := range in.All() {
		f.Lines = append(f.Lines, w.Line)
	}
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *InitFlow) End() error {
	for _, l := range f.Lines {
		fmt.Println(l)
	}
	return nil
}

func main() { flow.Main(new(InitFlow)) }
