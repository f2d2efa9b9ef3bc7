package e2e

import (
	"strings"
	"testing"
)

// The graph shapes of testdata/python, each run to Succeeded with the values plain Python gives.

func TestLinear(t *testing.T) {
	need(t)
	const flow = "testdata/python/linear/flow.py"
	deploy(t, flow, cl.base)
	r := succeeded(t, flow)
	equal(t, artifacts(t, r.name, "end"), "x", 2)
}

func TestForeach(t *testing.T) {
	need(t)
	const flow = "testdata/python/foreach/flow.py"
	deploy(t, flow, cl.base)
	r := succeeded(t, flow)
	equal(t, artifacts(t, r.name, "join"), "total", 14)
}

func TestForeachMultiStep(t *testing.T) {
	need(t)
	const flow = "testdata/python/foreach_multistep/flow.py"
	deploy(t, flow, cl.base)
	r := succeeded(t, flow)
	equal(t, artifacts(t, r.name, "join"), "lines", []string{"a=2", "bb=4", "ccc=6"})
}

func TestNestedSplit(t *testing.T) {
	need(t)
	const flow = "testdata/python/nested_split/flow.py"
	deploy(t, flow, cl.base)
	r := succeeded(t, flow)
	// Every step ran once: the status lists each of the 8 steps.
	for _, s := range []string{"start", "left", "left-a", "left-b", "left-join", "right", "join", "end"} {
		if !strings.Contains(r.stdout, "  "+s+" ") {
			t.Errorf("step %s not reported:\n%s", s, r.stdout)
		}
	}
}

func TestForeachInSplit(t *testing.T) {
	need(t)
	const flow = "testdata/python/foreach_in_split/flow.py"
	deploy(t, flow, cl.base)
	r := succeeded(t, flow)
	equal(t, artifacts(t, r.name, "fan_join"), "v", 2)
}

func TestNestedForeach(t *testing.T) {
	need(t)
	if testing.Short() {
		t.Skip("-short: 50 pods")
	}
	const flow = "testdata/python/nested_foreach/flow.py"
	deploy(t, flow, cl.base)
	r := succeeded(t, flow)
	equal(t, artifacts(t, r.name, "foreach_join_x"), "word", strings.Repeat("fghijk", 6))
}
