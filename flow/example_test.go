package flow_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/flowc-dev/flowc/flow"
)

// HelloFlow is a linear flow: start -> shout -> end. Greeting travels between the steps.
//
//flowc:flow
type HelloFlow struct {
	flow.FlowSpec
	Greeting string
}

//flowc:step
func (f *HelloFlow) Start() error {
	f.Greeting = "hello"
	f.Next(f.Shout)
	return nil
}

//flowc:step
//flowc:retry times=2
func (f *HelloFlow) Shout() error {
	f.Greeting = strings.ToUpper(f.Greeting) + "!"
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *HelloFlow) End() error {
	fmt.Println(f.Greeting)
	return nil
}

// A linear flow. Its package's main function is func main() { flow.Main(new(HelloFlow)) };
// `flowc run` and the Argo pods then run each step as its own process. Here each step runs in
// this process through RunStep, with the command lines flowc builds.
func Example() {
	dir, _ := os.MkdirTemp("", "hello")
	defer os.RemoveAll(dir)
	out := func(step string) string { return filepath.Join(dir, step) }
	for _, args := range [][]string{
		{"step", "start", "--out", out("start"), "--next", "shout"},
		{"step", "shout", "--in", "start=" + out("start"), "--out", out("shout"), "--next", "end"},
		{"step", "end", "--in", "shout=" + out("shout"), "--out", out("end")},
	} {
		if err := flow.RunStep(new(HelloFlow), args); err != nil {
			fmt.Println(err)
		}
	}
	// Output: HELLO!
}
