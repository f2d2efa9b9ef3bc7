package main

// The files flowc init writes. HelloFlow is replaced by the flow's class name, HELLO_RUN by the
// command that runs it.

const pythonFlow = `"""A small flow to start from: parameters, a split into two branches and their join, and a
foreach over a list with its join. Run it with: HELLO_RUN
"""
from metaflow import FlowSpec, Parameter, step


class HelloFlow(FlowSpec):
    greeting = Parameter("greeting", default="hello", help="What each worker says")
    count = Parameter("count", default=3, type=int, help="How many workers")

    @step
    def start(self):
        # A static split: both branches run, in parallel.
        self.next(self.shout, self.whisper)

    @step
    def shout(self):
        self.voice = self.greeting.upper() + "!"
        self.next(self.join_voices)

    @step
    def whisper(self):
        self.voice = self.greeting.lower() + "..."
        self.next(self.join_voices)

    @step
    def join_voices(self, inputs):
        # A join sees each branch's artifacts.
        self.voices = [inputs.shout.voice, inputs.whisper.voice]
        self.next(self.fan_out)

    @step
    def fan_out(self):
        # A foreach: one task of work per element of self.workers.
        self.workers = list(range(self.count))
        self.next(self.work, foreach="workers")

    @step
    def work(self):
        self.line = "worker %d says %s" % (self.input, self.voices[self.input % 2])
        self.next(self.gather)

    @step
    def gather(self, inputs):
        self.lines = [i.line for i in inputs]
        self.next(self.end)

    @step
    def end(self):
        for line in self.lines:
            print(line)


if __name__ == "__main__":
    HelloFlow()
`

const goFlow = `// Command hello is a small flow to start from: parameters, a split into two branches and their
// join, and a foreach over a list with its join. Run it with: HELLO_RUN
package main

import (
	"fmt"
	"strings"

	"github.com/flowc-dev/flowc/flow"
)

// HelloFlow is the flow; its exported fields travel from step to step.
//
//flowc:flow
type HelloFlow struct {
	flow.FlowSpec
	Greeting string ` + "`" + `flow:"param=greeting,default=hello" help:"What each worker says"` + "`" + `
	Count    int    ` + "`" + `flow:"param=count,default=3" help:"How many workers"` + "`" + `
	Voice    string
	Voices   []string
	Workers  []int
	Line     string
	Lines    []string
}

// Start splits into two branches that run in parallel.
//
//flowc:step
func (f *HelloFlow) Start() error {
	f.Next(f.Shout, f.Whisper)
	return nil
}

//flowc:step
func (f *HelloFlow) Shout() error {
	f.Voice = strings.ToUpper(f.Greeting) + "!"
	f.Next(f.JoinVoices)
	return nil
}

//flowc:step
func (f *HelloFlow) Whisper() error {
	f.Voice = strings.ToLower(f.Greeting) + "..."
	f.Next(f.JoinVoices)
	return nil
}

// JoinVoices sees each branch's state.
//
//flowc:step
func (f *HelloFlow) JoinVoices(in flow.Inputs[*HelloFlow]) error {
	f.Voices = []string{in.Get("shout").Voice, in.Get("whisper").Voice}
	f.Next(f.FanOut)
	return nil
}

// FanOut runs Work once per element of Workers.
//
//flowc:step
func (f *HelloFlow) FanOut() error {
	for i := 0; i < f.Count; i++ {
		f.Workers = append(f.Workers, i)
	}
	f.Next(f.Work, flow.Foreach("Workers"))
	return nil
}

//flowc:step
func (f *HelloFlow) Work() error {
	i := flow.Input[int](f)
	f.Line = fmt.Sprintf("worker %d says %s", i, f.Voices[i%2])
	f.Next(f.Gather)
	return nil
}

//flowc:step
func (f *HelloFlow) Gather(in flow.Inputs[*HelloFlow]) error {
	for _, w := range in.All() {
		f.Lines = append(f.Lines, w.Line)
	}
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *HelloFlow) End() error {
	for _, l := range f.Lines {
		fmt.Println(l)
	}
	return nil
}

func main() { flow.Main(new(HelloFlow)) }
`

const initConfig = `# flowc.yaml: defaults for the flows in this directory and below; flags win over it.
# imageRepo: registry.example.com/team/flows   # where the step images are pushed
# namespace: pipelines                         # for flowc apply and submit
artifactStorage: s3                            # s3, gcs, azure or oss: the cluster's artifact repository
`

const initReadme = "# HelloFlow\n\n" +
	"A flowc flow: parameters, a split and its join, a foreach and its join.\n\n" +
	"```sh\n" +
	"HELLO_RUN        # run it here, each step in its own process\n" +
	"flowc runs                                  # the runs so far; flowc show RUN, flowc logs RUN STEP\n" +
	"flowc graph --run RUN                       # what a run did, as Mermaid\n" +
	"flowc compile . -o out                      # Argo manifests and the build spec, in out/\n" +
	"flowc compile . -o out --check              # in CI: fail with a diff when out/ is stale\n" +
	"```\n"
