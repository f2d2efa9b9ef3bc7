package compiler_test

import (
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/flowc-dev/flowc/compiler"
)

// Compile a Python flow in process: the manifests and the build spec come back as files, to
// write wherever the build tool keeps its outputs.
func ExampleCompile() {
	outs, warnings, err := compiler.Compile([]string{"../testdata/python/linear/flow.py"}, compiler.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range warnings {
		fmt.Println(w)
	}
	for _, out := range outs {
		fmt.Println(out.Flow, "->", out.Name)
		manifest := out.Files[out.Name+".yaml"]
		for _, line := range strings.SplitN(string(manifest), "\n", 5)[:4] {
			fmt.Println(" ", line)
		}
		dockerfile := out.Files[out.Name+"/Dockerfile"]
		fmt.Println("  Dockerfile:", len(dockerfile) > 0)
	}
	// Output:
	// LinearFlow -> linearflow
	//   ---
	//   apiVersion: argoproj.io/v1alpha1
	//   kind: WorkflowTemplate
	//   metadata:
	//   Dockerfile: true
}

// A flow that fails a check compiles to nothing: the error holds every diagnostic, positioned.
func ExampleCompile_error() {
	_, _, err := compiler.Compile([]string{"../testdata/errors/cycle.py"}, compiler.Options{})
	var cerr *compiler.Error
	if errors.As(err, &cerr) {
		for _, d := range cerr.Diagnostics {
			fmt.Println(d)
			if d.Suggestion != "" {
				fmt.Println("\thelp:", d.Suggestion)
			}
		}
	}
	// Output:
	// ../testdata/errors/cycle.py:15:19: error: cycle: a -> b -> a [cycle]
	// ../testdata/errors/cycle.py:18:9: error: step "end" is unreachable from start [unreachable]
	// 	help: lead to it with self.next or remove it
}
