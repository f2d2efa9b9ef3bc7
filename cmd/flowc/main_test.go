package main

import (
	"context"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run flowc as a command of the test binary itself.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"flowc": func() {
			os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

// TestScripts runs the CLI scenarios in testdata/script: exit codes, output, files written.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       os.Getenv("FLOWC_UPDATE") != "",
		RequireExplicitExec: false,
	})
}
