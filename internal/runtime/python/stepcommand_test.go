package pyruntime

import (
	"encoding/base64"
	"strings"
)

// Input names the state directory DIR of a parent step: --in STEP=DIR.
type Input struct {
	Step string
	Dir  string
}

// Param is one flow parameter as the runtime receives it: --param NAME=VALUE, always a string.
type Param struct {
	Name  string
	Value string
}

// StepCommand is one run of a step: what an Argo pod and `flowc run` both execute. Values may
// be Argo expressions such as "{{inputs.parameters.index}}"; Args copies them verbatim.
type StepCommand struct {
	Step     string
	FlowFile string // FILE.py, relative to the working directory (the build context)
	Class    string // the flow's class name
	Out      string // OUTDIR: receives state.pkl, and foreach.json after a foreach
	// In lists the parents' state directories; a static join iterates its inputs in this order.
	In []Input
	// InForeach is a foreach join's parent: its children's states are Dir/0, Dir/1, ...
	InForeach *Input
	// Index is set on the first step of a foreach body: this child's index.
	Index string
	// Params holds every flow parameter.
	Params []Param
	// Next and Foreach are the compiled transition; the step's self.next must match them.
	// Both are empty for the end step.
	Next    []string
	Foreach string
}

// Args returns the arguments that follow the Python interpreter:
// -m flowc_runtime step STEP --flow FILE.py --class CLASS --out OUTDIR [...].
func (c StepCommand) Args() []string {
	args := []string{"-m", Module, "step", c.Step, "--flow", c.FlowFile, "--class", c.Class, "--out", c.Out}
	for _, in := range c.In {
		args = append(args, "--in", in.Step+"="+in.Dir)
	}
	if c.InForeach != nil {
		args = append(args, "--in-foreach", c.InForeach.Step+"="+c.InForeach.Dir)
	}
	if c.Index != "" {
		args = append(args, "--index", c.Index)
	}
	for _, p := range c.Params {
		args = append(args, "--param", p.Name+"="+base64.StdEncoding.EncodeToString([]byte(p.Value)))
	}
	if len(c.Next) > 0 {
		args = append(args, "--next", strings.Join(c.Next, ","))
	}
	if c.Foreach != "" {
		args = append(args, "--foreach", c.Foreach)
	}
	return args
}
