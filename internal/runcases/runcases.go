// Package runcases reads e2e/testdata/shapes.txt, the flows that run on the real Argo (the e2e
// suite) and in internal/driver's simulation of Argo, with the values their runs must produce.
// One table for both means the simulation is only trusted where a real run agrees with it.
package runcases

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// File is the table, relative to the repository root.
const File = "e2e/testdata/shapes.txt"

// Case is one line of the table: a flow run with Params, and the value Want (JSON) of Artifact
// in the state of Step, a step outside any foreach. Artifact "" means only that the run succeeds.
type Case struct {
	Flow     string            // relative to the repository root, slash-separated
	Params   map[string]string // given at submit time
	Step     string
	Artifact string
	Want     string
	Line     int
}

// Go says whether the case is a Go flow (under a go/ directory of testdata).
func (c Case) Go() bool { return strings.HasPrefix(c.Flow, "testdata/go/") }

// FlowName names the case's flow in a subtest: its path under testdata/ or examples/.
func (c Case) FlowName() string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(c.Flow, "testdata/"), "examples/"), ".py")
}

// Name names the case: its flow's name and the artifact.
func (c Case) Name() string {
	if c.Artifact == "" {
		return c.FlowName()
	}
	return c.FlowName() + "/" + c.Artifact
}

// Load reads the table from the repository at root.
func Load(root string) ([]Case, error) {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(File)))
	if err != nil {
		return nil, err
	}
	var cases []Case
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c, err := parse(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", File, n, err)
		}
		c.Line = n
		cases = append(cases, c)
	}
	return cases, sc.Err()
}

// parse reads FLOW PARAMS STEP ARTIFACT WANT, WANT being the rest of the line.
func parse(line string) (Case, error) {
	f := strings.Fields(line)
	if len(f) < 5 {
		return Case{}, fmt.Errorf("want FLOW PARAMS STEP ARTIFACT WANT, got %q", line)
	}
	c := Case{Flow: f[0], Step: f[2], Params: map[string]string{}}
	if f[1] != "-" {
		for _, kv := range strings.Split(f[1], ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || k == "" {
				return Case{}, fmt.Errorf("parameter %q is not NAME=VALUE", kv)
			}
			c.Params[k] = v
		}
	}
	if f[3] == "-" {
		return c, nil
	}
	c.Artifact = f[3]
	// WANT starts after the fourth field; it may hold spaces.
	rest := line
	for i := 0; i < 4; i++ {
		rest = strings.TrimSpace(rest)
		rest = rest[len(f[i]):]
	}
	c.Want = strings.TrimSpace(rest)
	if !json.Valid([]byte(c.Want)) {
		return Case{}, fmt.Errorf("value %q is not JSON", c.Want)
	}
	return c, nil
}

// ByFlow groups cases by flow, in the table's order: one run of a flow serves all its cases.
func ByFlow(cases []Case) [][]Case {
	var out [][]Case
	at := map[string]int{}
	for _, c := range cases {
		i, ok := at[c.Flow]
		if !ok {
			i = len(out)
			at[c.Flow] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], c)
	}
	return out
}

// Check compares a value read back from a run, as JSON, with the case's: equal as JSON values,
// whatever the spacing. It returns "" when they agree, else what differs.
func (c Case) Check(got []byte) string {
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		return fmt.Sprintf("%s.%s is not JSON: %s", c.Step, c.Artifact, got)
	}
	_ = json.Unmarshal([]byte(c.Want), &w) // checked by Load
	gb, _ := json.Marshal(g)
	wb, _ := json.Marshal(w)
	if !bytes.Equal(gb, wb) {
		return fmt.Sprintf("%s.%s = %s, want %s (%s:%d)", c.Step, c.Artifact, gb, wb, File, c.Line)
	}
	return ""
}
