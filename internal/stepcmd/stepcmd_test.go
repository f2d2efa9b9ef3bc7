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
	body := &ir.Step{Name: "body", NumArgs: 1, Next: []string{"join"}, In: []string{"start"}, Stack: []string{"start"}, Decorators: []*ir.Decorator{
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

// binder binds the command line as a local run does (each input in its own directory), or with
// root set as a pod does (every input under one directory).
type binder struct{ root string }

func (b binder) InRoot() string         { return b.root }
func (binder) InputDir(p string) string { return "/in/" + p }
func (binder) OutDir() string           { return "/out" }
func (binder) Index() string            { return "{{i0}}" }
func (binder) Param(name string) string { return "B64(" + name + ")" }

func TestArgv(t *testing.T) {
	f := foreachFlow(ir.Python)
	const py = "python3 -m flowc_runtime step --flow flow.py --class F "
	for _, tc := range []struct {
		step, root, want string
	}{
		{"start", "", py + "--out /out --param n=B64(n) start --next body --foreach Items"},
		{"body", "", py + "--out /out --param n=B64(n) body --in start=/in/start --index {{i0}} --next join"},
		{"join", "", py + "--out /out --param n=B64(n) join --in-foreach body=/in/body --next end"},
		{"end", "", py + "--out /out --param n=B64(n) end --in join=/in/join"},
		{"start", "/in", py + "--in-dir /in --out /out --param n=B64(n) start --next body --foreach Items"},
		{"body", "/in", py + "--in-dir /in --out /out --param n=B64(n) body --in start --index {{i0}} --next join"},
		{"join", "/in", py + "--in-dir /in --out /out --param n=B64(n) join --in-foreach body --next end"},
	} {
		s := f.Step(tc.step)
		b := binder{root: tc.root}
		argv := stepcmd.Argv(f, "flow.py", s, stepcmd.ShapeOf(f, s), b)
		if got := strings.Join(argv, " "); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.step, got, tc.want)
		}
		shared := stepcmd.Shared(f, "flow.py", b)
		if !slices.Equal(argv[:len(shared)], shared) {
			t.Errorf("%s: %v does not begin with the shared part %v", tc.step, argv, shared)
		}
		// What the emitter and flowc run build, the protocol's own parser reads back.
		args := argv[len(stepcmd.Entrypoint(f)):]
		for i := range args {
			if strings.HasPrefix(args[i], "n=B64") {
				args[i] = stepcmd.ParamArg("n", "5")
			}
			if args[i] == "{{i0}}" {
				args[i] = "0"
			}
		}
		c, err := stepcmd.Parse(args)
		if err != nil {
			t.Errorf("%s: Parse of what Argv built: %v", tc.step, err)
			continue
		}
		if c.Step != tc.step || len(s.In) > 0 && len(c.In) == 0 && c.InForeach == nil {
			t.Errorf("%s: parsed back as step %q, inputs %v %v", tc.step, c.Step, c.In, c.InForeach)
		}
		for _, in := range append(c.In, derefIn(c.InForeach)...) {
			if in.Dir != "/in/"+in.Parent {
				t.Errorf("%s: input %s read from %s, want /in/%s", tc.step, in.Parent, in.Dir, in.Parent)
			}
		}
	}
	if got := stepcmd.Entrypoint(foreachFlow(ir.Go)); !slices.Equal(got, []string{"/flow"}) {
		t.Errorf("Go entrypoint %v", got)
	}
	if got := strings.Join(stepcmd.Shared(foreachFlow(ir.Go), "", binder{root: "/in"}), " "); got != "/flow step --in-dir /in --out /out --param n=B64(n)" {
		t.Errorf("Go shared part %s", got)
	}
}

func derefIn(in *stepcmd.In) []stepcmd.In {
	if in == nil {
		return nil
	}
	return []stepcmd.In{*in}
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
