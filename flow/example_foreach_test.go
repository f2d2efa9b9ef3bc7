package flow_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/flowc-dev/flowc/flow"
)

// FanoutFlow runs Measure once per word, in parallel, and sums the results in Join.
//
//flowc:flow
type FanoutFlow struct {
	flow.FlowSpec
	Words  []string
	Length int
	Total  int
}

//flowc:step
func (f *FanoutFlow) Start() error {
	f.Words = []string{"alpha", "be", "gamma"}
	f.Next(f.Measure, flow.Foreach("Words"))
	return nil
}

//flowc:step
func (f *FanoutFlow) Measure() error {
	word := flow.Input[string](f) // this child's element of Words
	f.Length = len(word)
	fmt.Printf("child %d: %s\n", f.Index(), word)
	f.Next(f.Join)
	return nil
}

//flowc:step
func (f *FanoutFlow) Join(in flow.Inputs[*FanoutFlow]) error {
	for _, child := range in.All() { // by index
		f.Total += child.Length
	}
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *FanoutFlow) End() error {
	fmt.Println("total:", f.Total)
	return nil
}

// A foreach: the foreach step writes foreach.json, one child runs per index, and the join reads
// the children's directories 0, 1, 2 under one --in-foreach directory.
func ExampleForeach() {
	dir, _ := os.MkdirTemp("", "fanout")
	defer os.RemoveAll(dir)
	out := func(parts ...string) string { return filepath.Join(append([]string{dir}, parts...)...) }
	run := func(args ...string) {
		if err := flow.RunStep(new(FanoutFlow), append([]string{"step"}, args...)); err != nil {
			fmt.Println(err)
		}
	}
	run("start", "--out", out("start"), "--next", "measure", "--foreach", "Words")
	list, _ := os.ReadFile(out("start", flow.ForeachFile))
	fmt.Println("foreach.json:", string(list))
	for i := range 3 {
		n := strconv.Itoa(i)
		run("measure", "--in", "start="+out("start"), "--index", n, "--out", out("measure", n), "--next", "join")
	}
	run("join", "--in-foreach", "measure="+out("measure"), "--out", out("join"), "--next", "end")
	run("end", "--in", "join="+out("join"), "--out", out("end"))
	// Output:
	// foreach.json: [0,1,2]
	// child 0: alpha
	// child 1: be
	// child 2: gamma
	// total: 12
}
