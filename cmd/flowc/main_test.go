package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/flowc-dev/flowc/internal/kube"
)

// TestMain lets the scripts run flowc, and the flowc-kube that its apply, submit and logs start,
// as commands of the test binary itself.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"flowc": func() {
			os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
		"flowc-kube": func() { os.Exit(kube.Main()) },
	})
}

// TestScripts runs the CLI scenarios in testdata/script: exit codes, output, files written.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	python := pythonPath()
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("EXAMPLES", examples)
			e.Setenv("FLOWC_PYTHON", python)
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond == "python" {
				return python != "", nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		UpdateScripts:       os.Getenv("FLOWC_UPDATE") != "",
		RequireExplicitExec: false,
	})
}

// pythonPath resolves python3 once to the interpreter itself (a pyenv shim costs seconds per
// start); "" when there is none, and the scripts that run flows are skipped.
func pythonPath() string {
	out, err := exec.Command("python3", "-c", "import sys; print(sys.executable)").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
