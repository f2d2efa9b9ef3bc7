// Package stepcmd owns the command line that runs one step. The Argo emitter and `flowc run` both
// build it here, binding only the places that differ (a pod's artifact paths and Argo's
// {{...}} values, or a local run's directories and values), so that the two cannot drift apart.
package stepcmd

import (
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
)

// Binder supplies what differs between an Argo pod and a local run.
type Binder interface {
	// InRoot is the directory that holds each parent's state as InRoot/PARENT (a pod's input
	// artifacts), or "" when InputDir places each parent's state (a local run's tasks).
	InRoot() string
	// InputDir is where the state of parent step p is read from, when InRoot is "". For a
	// foreach join it is the directory that holds one subdirectory per child, named by index.
	InputDir(p string) string
	// OutDir is where the step writes its state.
	OutDir() string
	// Index is this child's index into its foreach list, for the first step of a foreach body.
	Index() string
	// Param is the value of flow parameter name, base64-encoded (standard alphabet), so that it
	// holds no "{{" for Argo to substitute.
	Param(name string) string
}

// Input is one parent whose state a step reads.
type Input struct {
	Parent  string
	Foreach bool // the parent is the last step of a foreach body: read all its children
}

// Shape is what a step's command line needs, derived from the graph alone.
type Shape struct {
	Inputs []Input
	Index  bool // the step is the first of a foreach body
}

// ShapeOf derives a step's inputs from the resolved graph (In, Stack).
func ShapeOf(f *ir.Flow, s *ir.Step) Shape {
	var sh Shape
	for _, p := range s.In {
		ps := f.Step(p)
		if ps == nil {
			continue
		}
		sh.Inputs = append(sh.Inputs, Input{Parent: p, Foreach: len(ps.Stack) > len(s.Stack)})
		if ps.Foreach != "" {
			sh.Index = true
		}
	}
	return sh
}

// Entrypoint is the program and leading arguments that run a flow's steps in its image and in
// its build context: flowc's Python runtime, or a Go flow's own binary.
func Entrypoint(f *ir.Flow) []string {
	if f.Lang == ir.Go {
		return []string{"/flow"}
	}
	return []string{"python3", "-m", "flowc_runtime"}
}

// StatePath is where a step's state lives under a run's state root (a local directory, or the
// artifact key prefix of the run): the step name, then the indexes of the foreach bodies it runs
// in, so that a foreach join finds all its children under one prefix.
func StatePath(step string, indexes []string) string {
	return strings.Join(append([]string{step}, indexes...), "/")
}

// A step's command line has two parts (PROTOCOL.md, "Command line"): Shared, the program and
// the flags whose values every step of the flow has alike, then Own, the step's name and its
// own flags. A pod's container gets Shared as its command, from the workflow's templateDefaults,
// and Own as its args, so that a manifest does not repeat Shared once per step; a local run
// runs the two joined, the same command line.

// Shared is the program and the leading arguments of every step of flow f, with file the flow's
// file name inside the build context.
func Shared(f *ir.Flow, file string, b Binder) []string {
	args := append(Entrypoint(f), "step")
	if f.Lang == ir.Python {
		args = append(args, "--flow", file, "--class", f.Name)
	}
	if root := b.InRoot(); root != "" {
		args = append(args, "--in-dir", root)
	}
	args = append(args, "--out", b.OutDir())
	for _, p := range f.Params {
		args = append(args, "--param", p.Name+"="+b.Param(p.Name))
	}
	return args
}

// Own is the rest of step s's command line: its name, its inputs and its transition.
func Own(s *ir.Step, sh Shape, b Binder) []string {
	args := []string{s.Name}
	for _, in := range sh.Inputs {
		flag := "--in"
		if in.Foreach {
			flag = "--in-foreach"
		}
		if b.InRoot() != "" {
			args = append(args, flag, in.Parent)
		} else {
			args = append(args, flag, in.Parent+"="+b.InputDir(in.Parent))
		}
	}
	if sh.Index {
		args = append(args, "--index", b.Index())
	}
	if len(s.Next) > 0 {
		args = append(args, "--next", strings.Join(s.Next, ","))
	}
	if s.Foreach != "" {
		args = append(args, "--foreach", s.Foreach)
	}
	return args
}

// Argv is the whole command line of step s: Shared, then Own.
func Argv(f *ir.Flow, file string, s *ir.Step, sh Shape, b Binder) []string {
	return append(Shared(f, file, b), Own(s, sh, b)...)
}
