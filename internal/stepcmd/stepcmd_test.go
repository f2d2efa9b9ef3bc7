package stepcmd_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// foreachFlow is start -(foreach Items)-> body -> join -> end, with @catch and @retry on body.
func foreachFlow(lang ir.Lang) *ir.Flow {
	str := func(s string) ir.Value { return ir.Value{Kind: ir.ValString, Str: s} }
	body := &ir.Step{Name: "body", NumArgs: 1, Next: []string{"join"}, In: []string{"start"}, Decorators: []*ir.Decorator{
		{Name: "catch", Args: []ir.Arg{{Name: "var", Value: str("Err")}, {Name: "print_exception", Value: ir.Value{Kind: ir.ValBool}}}},
		{Name: "retry", Args: []ir.Arg{{Name: "times", Value: ir.Value{Kind: ir.ValInt, Int: 2}}}},
		{Name: "environment", Args: []ir.Arg{{Name: "vars", Value: ir.Value{Kind: ir.ValDict, Keys: []ir.Value{str("A")}, Elems: []ir.Value{str("1")}}}}},
	}}
	return &ir.Flow{Name: "F", Lang: lang, Params: []*ir.Param{{Name: "n"}}, Steps: []*ir.Step{
		{Name: "start", NumArgs: 1, Next: []string{"body"}, Foreach: "Items"},
		body,
		{Name: "join", NumArgs: 2, Next: []string{"end"}, In: []string{"body"}},
		{Name: "end", NumArgs: 1, In: []string{"join"}},
	}}
}

type binder struct{}

func (binder) InputDir(p string) string { return "/in/" + p }
func (binder) OutDir() string           { return "/out" }
func (binder) Index() string            { return "{{i0}}" }
func (binder) Param(name string) string { return "B64(" + name + ")" }

var stacks = map[string][]string{"body": {"start"}}

func TestArgs(t *testing.T) {
	f := foreachFlow(ir.Python)
	for _, tc := range []struct{ step, want string }{
		{"start", "step start --flow flow.py --class F --out /out --param n=B64(n) --next body --foreach Items"},
		{"body", "step body --flow flow.py --class F --in start=/in/start --index {{i0}} --out /out --param n=B64(n) --next join"},
		{"join", "step join --flow flow.py --class F --in-foreach body=/in/body --out /out --param n=B64(n) --next end"},
		{"end", "step end --flow flow.py --class F --in join=/in/join --out /out --param n=B64(n)"},
	} {
		s := f.Step(tc.step)
		got := strings.Join(stepcmd.Args(f, "flow.py", s, stepcmd.ShapeOf(f, s, stacks), binder{}), " ")
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.step, got, tc.want)
		}
		// What the emitter and flowc run build, the protocol's own parser reads back.
		args := stepcmd.Args(f, "flow.py", s, stepcmd.ShapeOf(f, s, stacks), binder{})
		for i := range args {
			if strings.HasPrefix(args[i], "n=B64") {
				args[i] = stepcmd.ParamArg("n", "5")
			}
			if args[i] == "{{i0}}" {
				args[i] = "0"
			}
		}
		if _, err := stepcmd.Parse(args); err != nil {
			t.Errorf("%s: Parse of what Args built: %v", tc.step, err)
		}
	}
	if got := stepcmd.Entrypoint(foreachFlow(ir.Go)); !slices.Equal(got, []string{"/flow"}) {
		t.Errorf("Go entrypoint %v", got)
	}
}

// TestEnv checks that @catch and @retry reach both runtimes the same way, after @environment.
func TestEnv(t *testing.T) {
	for _, lang := range []ir.Lang{ir.Python, ir.Go} {
		f := foreachFlow(lang)
		var got []string
		for _, v := range stepcmd.Env(f, f.Step("body")) {
			got = append(got, v.Name+"="+v.Value)
		}
		want := []string{"A=1", "FLOWC_CATCH=var=Err,print_exception=false", "FLOWC_RETRY_TIMES=2"}
		if !slices.Equal(got, want) {
			t.Errorf("%s: Env = %v, want %v", lang, got, want)
		}
		got = got[:0]
		for _, v := range stepcmd.PodEnv(f.Step("body")) {
			got = append(got, v.Name+"="+v.Value)
		}
		want = []string{"FLOWC_RUN_ID={{workflow.name}}", "FLOWC_TASK_ID={{pod.name}}", "FLOWC_RETRY_COUNT={{retries}}"}
		if !slices.Equal(got, want) {
			t.Errorf("%s: PodEnv = %v, want %v", lang, got, want)
		}
		if n := len(stepcmd.PodEnv(f.Step("end"))); n != 2 {
			t.Errorf("a step without @retry gets %d pod variables; {{retries}} needs a retryStrategy", n)
		}
	}
}
