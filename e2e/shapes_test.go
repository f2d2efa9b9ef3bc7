package e2e

import (
	"encoding/json"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/flowc-dev/flowc/internal/runcases"
)

// TestShapes runs every flow of e2e/testdata/shapes.txt (the graph shapes of testdata/python and
// testdata/go, and Metaflow's features) to Succeeded and checks the values its steps stored in
// S3. internal/driver's simulation of Argo checks the same table, and only it.
func TestShapes(t *testing.T) {
	need(t)
	cases, err := runcases.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, cs := range runcases.ByFlow(cases) {
		flow := cs[0].Flow
		t.Run(cs[0].FlowName(), func(t *testing.T) {
			if strings.Contains(flow, "nested_foreach") && testing.Short() {
				t.Skip("-short: 50 pods")
			}
			if cs[0].Go() {
				needGo(t)
			}
			t.Parallel()
			// A Python and a Go flow of one shape have the same template name: one at a time.
			mu := shapeLock(flow)
			mu.Lock()
			r := func() run {
				defer mu.Unlock() // also when the case fails: the other language's flow waits for it
				return runCase(t, cs[0])
			}()
			for _, c := range cs {
				if c.Artifact == "" {
					continue
				}
				if msg := c.Check(readValue(t, r.name, c)); msg != "" {
					t.Error(msg)
				}
			}
		})
	}
}

var (
	shapeMu    sync.Mutex
	shapeLocks = map[string]*sync.Mutex{}
)

// shapeLock is the lock of a flow's shape: the directory that holds it (testdata/python/linear
// and testdata/go/linear are one shape), or the file's name.
func shapeLock(flow string) *sync.Mutex {
	shape := path.Base(flow)
	if strings.HasSuffix(shape, ".py") {
		shape = path.Base(path.Dir(flow))
	}
	shapeMu.Lock()
	defer shapeMu.Unlock()
	if shapeLocks[shape] == nil {
		shapeLocks[shape] = new(sync.Mutex)
	}
	return shapeLocks[shape]
}

// runCase deploys the case's flow and runs it to Succeeded with its parameters.
func runCase(t *testing.T, c runcases.Case) run {
	t.Helper()
	flow := filepath.FromSlash(c.Flow)
	if c.Go() {
		deployGo(t, flow, cl.goRuntime)
	} else {
		deploy(t, flow, cl.base)
	}
	var params []string
	for k, v := range c.Params {
		params = append(params, k+"="+v)
	}
	sort.Strings(params)
	return succeeded(t, flow, params...)
}

// readValue reads the case's artifact (Python) or state field (Go) of a run from S3, as JSON.
func readValue(t *testing.T, run string, c runcases.Case) []byte {
	t.Helper()
	var v any
	if c.Go() {
		v = goFields(t, run, c.Step)[c.Artifact]
	} else {
		arts := artifacts(t, run, c.Step)
		var ok bool
		if v, ok = arts[c.Artifact]; !ok {
			t.Fatalf("%s of run %s has no artifact %q", c.Step, run, c.Artifact)
		}
	}
	data, _ := json.Marshal(v)
	return data
}
