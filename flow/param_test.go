package flow_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/flow"
)

type settings struct {
	Depth int      `json:"depth"`
	Tags  []string `json:"tags"`
}

//flowc:flow
type paramFlow struct {
	flow.FlowSpec
	Name    string   `flow:"param=name,default=world" help:"Who to greet"`
	Count   int      `flow:"param=count,default=3"`
	Big     int64    `flow:"param"`
	Alpha   float64  `flow:"param=alpha,default=0.01"`
	Verbose bool     `flow:"param=verbose,default=false"`
	Config  settings `flow:"param=config,default={\"depth\": 2, \"tags\": [\"a\"]}"`
	Source  string   `flow:"param=source,required"`
	Limit   int      `flow:"param=limit"`
	Seen    string
}

//flowc:step
func (f *paramFlow) Start() error { f.Seen = f.Name; f.Next(f.End); return nil }

//flowc:step
func (f *paramFlow) End() error { return nil }

func TestParameters(t *testing.T) {
	r := newStepRunner(t)
	f := new(paramFlow)
	r.run(f, "start", "--out", r.dir("a"), "--param", "source=s3://x", "--param", "limit=", "--next", "end")
	want := paramFlow{Name: "world", Count: 3, Alpha: 0.01, Config: settings{2, []string{"a"}}, Source: "s3://x", Seen: "world"}
	f.FlowSpec = flow.FlowSpec{}
	if !reflect.DeepEqual(*f, want) {
		t.Errorf("defaults: got %+v\nwant %+v", *f, want)
	}
	g := new(paramFlow)
	r.run(g, "start", "--out", r.dir("b"), "--param", "name=you", "--param", "count=-7", "--param", "big=9007199254740993",
		"--param", "alpha=1e-3", "--param", "verbose=yes", "--param", `config={"depth":5}`, "--param", "source=", "--next", "end")
	if g.Name != "you" || g.Count != -7 || g.Big != 9007199254740993 || g.Alpha != 0.001 || !g.Verbose || g.Config.Depth != 5 || g.Config.Tags != nil {
		t.Errorf("given: got %+v", *g)
	}
	// The parameters are not state: the next step gets them from its own command line.
	if _, ok := r.state(r.dir("b"))["Name"]; ok {
		t.Errorf("a parameter was saved in the state")
	}
	for _, tc := range []struct{ param, want string }{
		{"count=many", `parameter "count": "many" is not an int`},
		{"verbose=maybe", `"maybe" is not a bool`},
		{"config={", `parameter "config": "{" is not JSON`},
	} {
		err := r.fail(new(paramFlow), "start", "--out", r.dir("c"), "--param", "source=x", "--param", tc.param, "--next", "end")
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.param, err, tc.want)
		}
	}
	if err := r.fail(new(paramFlow), "start", "--out", r.dir("d"), "--next", "end"); !strings.Contains(err.Error(), `parameter "source" is required`) {
		t.Errorf("got %v", err)
	}
}

func TestParseParamTag(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		want flow.ParamTag
		ok   bool
		err  string
	}{
		{"", flow.ParamTag{}, false, ""},
		{"-", flow.ParamTag{}, false, ""},
		{"param", flow.ParamTag{Name: "data_source"}, true, ""},
		{"param=x,required", flow.ParamTag{Name: "x", Required: true}, true, ""},
		{"param=x,default=a,b=c", flow.ParamTag{Name: "x", Default: "a,b=c", HasDefault: true}, true, ""},
		{"param=x,default=", flow.ParamTag{Name: "x", HasDefault: true}, true, ""},
		{"state", flow.ParamTag{}, false, "must start with param"},
		{"param=x,optional", flow.ParamTag{Name: "x"}, true, `unknown option "optional"`},
	} {
		got, ok, err := flow.ParseParamTag("DataSource", tc.tag)
		if got != tc.want || ok != tc.ok || (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("ParseParamTag(%q) = %+v, %v, %v; want %+v, %v, %q", tc.tag, got, ok, err, tc.want, tc.ok, tc.err)
		}
	}
}
