package flow_test

import (
	"fmt"
	"os"

	"github.com/flowc-dev/flowc/flow"
)

// TrainFlow has parameters of each kind. They are not state: every step gets them from its
// command line (`flowc run --param epochs=5`, or the Argo workflow's parameters).
//
//flowc:flow
type TrainFlow struct {
	flow.FlowSpec
	Dataset string            `flow:"param=dataset,required" help:"Where the training data is"`
	Epochs  int               `flow:"param=epochs,default=3" help:"Passes over the data"`
	Rate    float64           `flow:"param=learning_rate,default=0.01"`
	Verbose bool              `flow:"param=verbose,default=false"`
	Labels  map[string]string `flow:"param=labels,default={\"team\": \"ml\"}" help:"JSON"`
}

//flowc:step
func (f *TrainFlow) Start() error {
	fmt.Printf("dataset=%s epochs=%d rate=%g verbose=%t labels=%v\n", f.Dataset, f.Epochs, f.Rate, f.Verbose, f.Labels)
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *TrainFlow) End() error { return nil }

// Parameters: given values win, defaults fill the rest, required ones must be given. On the step
// command line each value is base64-encoded, as ParamArg does.
func ExampleParamTag() {
	dir, _ := os.MkdirTemp("", "train")
	defer os.RemoveAll(dir)
	err := flow.RunStep(new(TrainFlow), []string{"step", "start", "--out", dir, "--next", "end",
		"--param", flow.ParamArg("dataset", "s3://bucket/train"), "--param", flow.ParamArg("epochs", "5"),
		"--param", flow.ParamArg("verbose", "true")})
	fmt.Println(err)
	err = flow.RunStep(new(TrainFlow), []string{"step", "start", "--out", dir, "--next", "end"})
	fmt.Println(err)
	// Output:
	// dataset=s3://bucket/train epochs=5 rate=0.01 verbose=true labels=map[team:ml]
	// <nil>
	// step start: parameter "dataset" is required: pass --param dataset=VALUE
}
