package check

import (
	"testing"

	"github.com/flowc-dev/flowc/compiler/ir"
)

func TestDecorator(t *testing.T) {
	f := parseFlow(t, "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"+linear) // steps from line 20
	a := step(t, f, "a")
	expr := ir.Value{Kind: ir.ValExpr, Str: "MEMORY"}
	a.Decorators = []*ir.Decorator{
		deco(2, "retry", "times", num(-1), "minutes_between_retries", str("2")),
		deco(3, "retry"),
		deco(4, "timeout", "seconds", num(0)),
		deco(5, "resources", "cpu", str("500m"), "memory", str("4Gi"), "gpu", num(1), "disk", num(0)),
		deco(6, "resources", "cpu", ir.Value{Kind: ir.ValFloat, Float: 0.5, Str: "0.5"}, "memory", expr, "memroy", num(1)),
		deco(7, "kubernetes", "image", str("python:3.12"), "node_selector", str("disk=ssd,zone"), "use_tmpfs", flag(true)),
		deco(8, "catch", "var", str("1x"), "print_exception", str("yes")),
		deco(9, "environment", "vars", ir.Value{Kind: ir.ValList}),
		deco(10, "frobnicate"),
		deco(11, "pypi", "packages", ir.Value{Kind: ir.ValDict}),
		deco(12, "card", "type", str("blank")),
		deco(13, "parallel"),
		deco(14, "schedule", "daily", flag(true)),
		deco(15, "timeout", "minutes", str("5")),
		deco(16, "kubernetes", "cpu", str("-1"), "memory", num(4096), "image_pull_policy", str("always")),
		{Name: "retry", Pos: pos(17, 5), Args: []ir.Arg{{Name: "", Value: num(3), Pos: pos(17, 11)}}},
	}
	f.Decorators = []*ir.Decorator{
		deco(18, "schedule", "cron", str("0 10 * * ? *"), "timezone", str("Europe/Berlin")),
		deco(19, "project"),
		deco(1, "trigger", "event", str("x")),
		deco(1, "retry"),
	}
	expect(t, f, `
flow.py:1:5: warning: @retry applies to a step, not the flow; it is ignored here [decorator]
flow.py:1:5: warning: @trigger is not supported; it is ignored [decorator]
flow.py:2:10: error: @retry times must be a non-negative integer, not -1 [decorator]
flow.py:3:5: error: @retry is given more than once [decorator]
flow.py:4:5: error: @timeout needs a duration above zero: give seconds, minutes or hours [decorator]
flow.py:5:40: error: @resources disk must be a positive number of megabytes or a Kubernetes quantity such as "4Gi", not 0 [decorator]
flow.py:6:5: error: @resources is given more than once [decorator]
flow.py:6:20: error: @resources memory must be a literal, not the expression "MEMORY"; flowc reads decorators without running the flow [decorator]
flow.py:6:30: error: unknown argument "memroy" in @resources [decorator]
	help: did you mean "memory"?
flow.py:7:10: warning: @kubernetes image "python:3.12" replaces the image flowc builds for this step, so it must hold flowc's runtime and the flow's files [decorator]
	help: to build on it, set baseImage in flowc.yaml instead
flow.py:7:20: error: @kubernetes node_selector must be a dict of strings or "key=value,...", not "disk=ssd,zone" [decorator]
flow.py:7:30: warning: argument "use_tmpfs" of @kubernetes is not supported; it is ignored [decorator]
flow.py:8:10: error: @catch var must be a Python identifier, not "1x" [decorator]
flow.py:8:20: error: @catch print_exception must be True or False, not "yes" [decorator]
flow.py:9:10: error: @environment vars must be a dict of variable names to strings, numbers or bools, not a list [decorator]
flow.py:10:5: warning: unknown decorator @frobnicate is ignored [decorator]
flow.py:13:5: error: @parallel is not supported yet [decorator]
flow.py:14:5: warning: @schedule applies to the flow, not a step; it is ignored here [decorator]
flow.py:15:5: error: @timeout is given more than once [decorator]
flow.py:16:5: error: @kubernetes is given more than once [decorator]
flow.py:16:10: error: @kubernetes cpu must be a positive number or a Kubernetes quantity such as "500m", not "-1" [decorator]
flow.py:16:30: error: @kubernetes image_pull_policy must be "Always", "IfNotPresent" or "Never", not "always" [decorator]
flow.py:17:5: error: @retry is given more than once [decorator]
flow.py:17:11: error: @retry takes named arguments only [decorator]
flow.py:19:5: error: @project needs a name, as in @project(name="my_project") [decorator]`)
}

func TestKubernetesTolerations(t *testing.T) {
	f := parseFlow(t, "\n\n\n"+linear)
	toleration := ir.Value{Kind: ir.ValDict, Keys: []ir.Value{str("key"), str("operator")}, Elems: []ir.Value{str("gpu"), str("Exists")}}
	step(t, f, "a").Decorators = []*ir.Decorator{
		deco(2, "kubernetes", "tolerations", ir.Value{Kind: ir.ValList, List: []ir.Value{toleration}}, "gpu", num(2)),
		deco(3, "kubernetes", "tolerations", ir.Value{Kind: ir.ValList, List: []ir.Value{str("gpu")}}),
	}
	expect(t, f, `
flow.py:3:5: error: @kubernetes is given more than once [decorator]
flow.py:3:10: error: @kubernetes tolerations must be a list of dicts, not a list [decorator]`)
}

func TestSchedule(t *testing.T) {
	for _, c := range []struct {
		args      []any
		cron, tz  string
		ok        bool
		diagnosis string
	}{
		{nil, "0 0 * * *", "", true, ""},
		{[]any{"hourly", flag(true)}, "0 * * * *", "", true, ""},
		{[]any{"weekly", flag(true), "timezone", str("Asia/Tokyo")}, "0 0 * * SUN", "Asia/Tokyo", true, ""},
		{[]any{"daily", flag(false)}, "", "", false, ""},
		{[]any{"cron", str("0 10 * * ? *")}, "0 10 * * ?", "", true, ""},
		{[]any{"cron", str("@every 90m")}, "@every 90m", "", true, ""},
		{[]any{"cron", str("*/15 9-17 * JAN-mar mon-fri")}, "*/15 9-17 * JAN-mar mon-fri", "", true, ""},
		{[]any{"cron", str("0 10 * *")}, "0 10 * *", "", true,
			`flow.py:2:10: error: @schedule cron "0 10 * *" is not a schedule Argo accepts: it has 4 fields; give five: minute hour day-of-month month day-of-week [decorator]`},
		{[]any{"cron", str("61 * * * *")}, "61 * * * *", "", true,
			`flow.py:2:10: error: @schedule cron "61 * * * *" is not a schedule Argo accepts: minute value "61" is not valid (0-59) [decorator]`},
		{[]any{"cron", str("0 0 L * *")}, "0 0 L * *", "", true,
			`flow.py:2:10: error: @schedule cron "0 0 L * *" is not a schedule Argo accepts: day-of-month value "L" is not valid (1-31) [decorator]`},
		{[]any{"cron", str("0 0 * * 5-1")}, "0 0 * * 5-1", "", true,
			`flow.py:2:10: error: @schedule cron "0 0 * * 5-1" is not a schedule Argo accepts: day-of-week range "5-1" ends before it begins [decorator]`},
		{[]any{"cron", str("0 0 * * *"), "hourly", flag(true), "timezone", str("Mars Base")}, "0 0 * * *", "Mars Base", true, `
flow.py:2:5: warning: @schedule gives both cron and hourly; cron is used, as in Metaflow [decorator]
flow.py:2:30: error: @schedule timezone "Mars Base" is not a time zone name such as "Europe/Berlin" [decorator]`},
	} {
		f := parseFlow(t, "\n\n"+linear)
		f.Decorators = []*ir.Decorator{deco(2, "schedule", c.args...)}
		expect(t, f, c.diagnosis)
		cron, tz, ok := Schedule(f)
		if cron != c.cron || tz != c.tz || ok != c.ok {
			t.Errorf("Schedule(%v) = %q, %q, %v; want %q, %q, %v", c.args, cron, tz, ok, c.cron, c.tz, c.ok)
		}
	}
}

func TestProjectAndTimeout(t *testing.T) {
	f := parseFlow(t, "\n\n\n"+linear)
	f.Decorators = []*ir.Decorator{deco(2, "project", "name", str("My-Project"), "production", flag(true))}
	step(t, f, "a").Decorators = []*ir.Decorator{deco(3, "timeout", "minutes", num(2), "hours", str("1"))}
	expect(t, f, `flow.py:2:10: error: @project name "My-Project" is invalid: use at most 128 lowercase letters, digits and underscores, not starting with an underscore [decorator]`)
	if got := TimeoutSeconds(step(t, f, "a").Decorators[0]); got != 3720 {
		t.Errorf("TimeoutSeconds = %d, want 3720", got)
	}
}

func TestQuantity(t *testing.T) {
	for _, c := range []struct {
		v    ir.Value
		unit string
		q    string
		ok   bool
	}{
		{num(4096), MemoryUnit, "4096M", true},
		{str("4096"), MemoryUnit, "4096M", true},
		{str("4Gi"), MemoryUnit, "4Gi", true},
		{str(" 1.5G "), MemoryUnit, "1.5G", true},
		{str("500m"), CPUUnit, "500m", true},
		{ir.Value{Kind: ir.ValFloat, Float: 0.25}, CPUUnit, "0.25", true},
		{str("1e3"), CPUUnit, "1e3", true},
		{str("1E"), CPUUnit, "1E", true},
		{str(".5"), CPUUnit, ".5", true},
		{str("+2"), CPUUnit, "+2", true},
		{num(0), CPUUnit, "0", false},
		{str("0Gi"), MemoryUnit, "0Gi", false},
		{str("-1Gi"), MemoryUnit, "-1Gi", false},
		{str("4GB"), MemoryUnit, "4GB", false},
		{str("4 Gi"), MemoryUnit, "4 Gi", false},
		{str("1e"), CPUUnit, "1e", false},
		{str("1e+-3"), CPUUnit, "1e+-3", false},
		{str("."), CPUUnit, ".", false},
		{str(""), CPUUnit, "", false},
		{flag(true), CPUUnit, "", false},
	} {
		q, ok := Quantity(c.v, c.unit)
		if q != c.q || ok != c.ok {
			t.Errorf("Quantity(%+v, %q) = %q, %v; want %q, %v", c.v, c.unit, q, ok, c.q, c.ok)
		}
	}
}
