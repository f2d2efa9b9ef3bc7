package compiler

import (
	"strings"
	"testing"
)

const linear = "../testdata/python/linear/flow.py"

func TestKindWorkflow(t *testing.T) {
	outs, _, err := Compile([]string{linear}, Options{Kind: Workflow, ImageRepo: "registry.example/flows"})
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 1 {
		t.Fatalf("got %d outputs, want 1", len(outs))
	}
	y := string(outs[0].Files["linearflow.yaml"])
	if !strings.Contains(y, "\nkind: Workflow\n") || !strings.Contains(y, "image: registry.example/flows:") {
		t.Errorf("manifest is not a Workflow on the given repository:\n%s", y)
	}
	if outs[0].Source != linear || outs[0].Flow != "LinearFlow" {
		t.Errorf("output names %q from %q, want LinearFlow from %q", outs[0].Flow, outs[0].Source, linear)
	}
}

func TestBadOptions(t *testing.T) {
	for _, c := range []struct {
		o    Options
		want string
	}{
		{Options{Kind: "CronWorkflow"}, `kind must be WorkflowTemplate or Workflow, not "CronWorkflow"`},
		{Options{ImageRepo: "repo:tag"}, "image repository: "},
		{Options{BaseImage: "FROM evil"}, "base image: "},
	} {
		outs, _, err := Compile([]string{linear}, c.o)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) || outs != nil {
			t.Errorf("Compile with %+v: %d outputs, error %v; want none and an error starting %q", c.o, len(outs), err, c.want)
		}
	}
}

func TestMissingFile(t *testing.T) {
	_, _, err := Compile([]string{"../testdata/no/such/flow.py"}, Options{})
	e, ok := err.(*Error)
	if !ok || len(e.Diagnostics) != 1 || e.Diagnostics[0].Check != "read" || e.Diagnostics[0].Severity != "error" {
		t.Fatalf("got %v, want one read error", err)
	}
}
