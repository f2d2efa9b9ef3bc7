package runcases

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadTable(t *testing.T) {
	cases, err := Load(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Case{}
	for _, c := range cases {
		if _, dup := byName[c.Name()]; dup {
			t.Errorf("%s:%d: case %s twice", File, c.Line, c.Name())
		}
		byName[c.Name()] = c
	}
	init := byName["python/init/lines"]
	if init.Step != "gather" || init.Want != `["worker 0 says HELLO!","worker 1 says hello...","worker 2 says HELLO!"]` {
		t.Errorf("python/init/lines = %+v", init)
	}
	pl := byName["metaflow_tutorials/01-playlist/playlist/playlist"]
	if pl.Params["genre"] != "Drama" || pl.Params["recommendations"] != "2" {
		t.Errorf("playlist params = %v", pl.Params)
	}
	if ns := byName["go/nested_split"]; ns.Artifact != "" || !ns.Go() {
		t.Errorf("go/nested_split = %+v", ns)
	}
}

func TestParseErrors(t *testing.T) {
	for line, want := range map[string]string{
		"a - s":             "want FLOW PARAMS STEP ARTIFACT WANT",
		"a x s art 1":       `parameter "x" is not NAME=VALUE`,
		"a - s art {broken": "is not JSON",
	} {
		if _, err := parse(line); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", line, err, want)
		}
	}
}

func TestCheck(t *testing.T) {
	c := Case{Step: "join", Artifact: "vs", Want: `["a","b"]`, Line: 3}
	if msg := c.Check([]byte(`["a", "b"]`)); msg != "" {
		t.Errorf("spacing counted: %s", msg)
	}
	if msg := c.Check([]byte(`["b","a"]`)); !strings.Contains(msg, `join.vs = ["b","a"], want ["a","b"]`) {
		t.Errorf("Check = %q", msg)
	}
}

func TestByFlow(t *testing.T) {
	cases := []Case{{Flow: "a", Artifact: "x"}, {Flow: "b"}, {Flow: "a", Artifact: "y"}}
	groups := ByFlow(cases)
	if len(groups) != 2 || len(groups[0]) != 2 || groups[0][1].Artifact != "y" || groups[1][0].Flow != "b" {
		t.Errorf("ByFlow = %+v", groups)
	}
}
