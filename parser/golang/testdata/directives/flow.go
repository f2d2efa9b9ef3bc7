// Package main exercises every directive form the Go frontend reads.
package main

import (
	"os"

	"github.com/flowc-dev/flowc/flow"
)

// DirectiveFlow carries flow-level directives.
//
//flowc:flow
//flowc:schedule cron="0 * * * *" timezone=UTC
//flowc:project name=sales
type DirectiveFlow struct {
	flow.FlowSpec
	Path    string `flow:"param=path,default=/tmp/{x}" help:"Where"`
	Out     string
	Failure flow.Caught
}

//flowc:step
//flowc:retry times=3 minutes_between_retries=0
//flowc:resources cpu=0.5 memory=4Gi gpu=1 // a comment
//flowc:timeout minutes=2
//flowc:catch var=Failure print_exception=false
//flowc:environment vars={DATA_DB=/data/db.jsonl, MODE="fast and safe", N=2}
//flowc:kubernetes image=python:3.12 secrets=[db, "api.key"] node_selector=disk=ssd
func (f *DirectiveFlow) Start() error {
	f.Out = os.Getenv("MODE")
	f.Next(f.End)
	return nil
}

//flowc:step
func (f *DirectiveFlow) End() error { return nil }

func main() { flow.Main(new(DirectiveFlow)) }
