package check

import (
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/compiler/ir"
)

func TestName(t *testing.T) {
	f := parseFlow(t, `
start -> load load_
load -> join
load_ -> join
join(inputs) -> end
end`)
	f.Name = "__"
	expect(t, f, `
flow.py:1:7: error: flow name "__" has no letter or digit to name the Argo workflow after [name]
flow.py:4:5: error: steps "load" and "load_" both become the Argo template "load" [name]
	note: flow.py:3:5: the other step is defined here
	help: rename one`)
}

func TestDNSName(t *testing.T) {
	long := strings.Repeat("VeryLongFlowName", 8) // 128 bytes; hashes from sha256sum
	for _, c := range []struct {
		in    string
		limit int
		want  string
	}{
		{"DataProcessWorkflow", 63, "dataprocessworkflow"},
		{"my_flow.v2", 63, "my-flow-v2"},
		{"__a__b__", 63, "a--b"},
		{"Größe", 63, "gr--e"},
		{"___", 63, ""},
		{"", 63, ""},
		{long, 63, "verylongflownameverylongflownameverylongflownameverylo-86e29dc5"},
		{long + "x", 63, "verylongflownameverylongflownameverylongflownameverylo-7fb42db4"},
		{long, 8, "86e29dc5"},
		{long, 4, "86e2"},
		{"a-" + strings.Repeat("b", 60) + "-------c", 63, "a-" + strings.Repeat("b", 52) + "-" + "HASH"},
	} {
		got := DNSName(c.in, c.limit)
		want := c.want
		if strings.HasSuffix(want, "HASH") {
			want = strings.TrimSuffix(want, "HASH") + got[len(got)-8:]
		}
		if got != want || len(got) > max(c.limit, 0) {
			t.Errorf("DNSName(%q, %d) = %q, want %q", c.in, c.limit, got, want)
		}
	}
	if got := TemplateName("load_data"); got != "load-data" {
		t.Errorf("TemplateName(load_data) = %q", got)
	}
}

func TestTemplateSyntax(t *testing.T) {
	f := parseFlow(t, "\n\n\n\n\n\n"+linear)
	f.Params = []*ir.Param{param(2, "x{{y}}", "x", ir.TypeStr, ptr(str("{{workflow.name}}")))}
	f.Params[0].Help = "{{ no escape survives Argo }}"
	step(t, f, "a").Decorators = []*ir.Decorator{
		deco(3, "kubernetes", "image", str("repo/img:{{tag}}"), "node_selector",
			ir.Value{Kind: ir.ValDict, Keys: []ir.Value{str("zone")}, Elems: []ir.Value{str("}}")}}),
		deco(4, "environment", "vars",
			ir.Value{Kind: ir.ValDict, Keys: []ir.Value{str("A"), str("B{{")}, Elems: []ir.Value{str("{{ok}}"), str("v")}}),
	}
	f.Decorators = []*ir.Decorator{deco(5, "schedule", "cron", str("{{cron}}")), deco(6, "project", "name", str("p{{"))}
	expect(t, f, `
flow.py:2:5: error: help of parameter "x{{y}}" contains "{{", which Argo would read as a template, with no escape [template-syntax]
	help: reword it
flow.py:2:20: error: parameter name "x{{y}}" contains "{{", which Argo would read as a template; it cannot be escaped in a name [template-syntax]
flow.py:2:40: error: default of parameter "x{{y}}" contains "{{" (in "{{workflow.name}}"), which Argo would read as a template, with no escape [template-syntax]
	help: pass such a value when submitting a run
flow.py:3:10: warning: @kubernetes image "repo/img:{{tag}}" replaces the image flowc builds for this step, so it must hold flowc's runtime and the flow's files [decorator]
	help: to build on it, set baseImage in flowc.yaml instead
flow.py:3:10: error: @kubernetes image "repo/img:{{tag}}" contains "{{", which Argo would read as a template; Argo has no escape for it there [template-syntax]
flow.py:3:20: error: @kubernetes node_selector "}}" contains "}}", which Argo would read as a template; Argo has no escape for it there [template-syntax]
flow.py:4:10: error: @environment vars "B{{" contains "{{", which Argo would read as a template; Argo has no escape for it there [template-syntax]
flow.py:5:10: error: @schedule cron "{{cron}}" contains "{{", which Argo would read as a template; Argo has no escape for it there [template-syntax]
flow.py:6:10: error: @project name "p{{" contains "{{", which Argo would read as a template; Argo has no escape for it there [template-syntax]`)
}
