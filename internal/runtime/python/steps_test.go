package pyruntime

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func in(step, dir string) []Input { return []Input{{step, dir}} }

func TestLinear(t *testing.T) {
	t.Parallel()
	c := newContext(t, "linear", "flow.py", "LinearFlow")
	start := c.mustStep(StepCommand{Step: "start", Out: "out/start", Next: []string{"middle"}})
	start.want("count", `1`)
	start.want("_scratch", `"private attributes are artifacts too, as in Metaflow"`)
	middle := c.mustStep(StepCommand{Step: "middle", Out: "out/middle", In: in("start", "out/start"), Next: []string{"end"}})
	middle.want("count", `2`)
	middle.want("words", `["a", "b"]`)
	middle.want("seen", `{"flow": "LinearFlow", "step": "middle", "run": "test-run", "task": "0", "retry": 0, "running": true}`)
	end := c.mustStep(StepCommand{Step: "end", Out: "out/end", In: in("middle", "out/middle")})
	end.want("summary", `"2 ab"`)
	end.want("words", `["a", "b"]`)
	end.want("_scratch", `"private attributes are artifacts too, as in Metaflow"`)
	if _, err := os.Stat(filepath.Join(c.dir, "out/start/foreach.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a linear step wrote foreach.json (err %v)", err)
	}
}

// splitRun runs start, a and b of testdata/split, and the join with the inputs in order.
func splitRun(t *testing.T, mode string, order ...string) (*buildContext, StepCommand) {
	c := newContext(t, "split", "flow.py", "SplitFlow")
	params := []Param{{"mode", mode}}
	c.mustStep(StepCommand{Step: "start", Out: "out/start", Params: params, Next: []string{"a", "b"}})
	join := StepCommand{Step: "join", Out: "out/join", Params: params, Next: []string{"end"}}
	for _, branch := range order {
		c.mustStep(StepCommand{Step: branch, Out: "out/" + branch, In: in("start", "out/start"), Params: params, Next: []string{"join"}})
		join.In = append(join.In, Input{branch, "out/" + branch})
	}
	return c, join
}

func TestSplitJoin(t *testing.T) {
	t.Parallel()
	t.Run("exclude", func(t *testing.T) {
		t.Parallel()
		c, join := splitRun(t, "exclude", "a", "b")
		s := c.mustStep(join)
		s.want("order", `["a", "b"]`)
		s.want("ax", `1`)
		s.want("bx", `2`)
		s.want("had_shared", `false`)
		s.want("shared", `"from start"`)
		s.want("only_a", `"A"`)
		s.want("only_b", `"B"`)
		s.absent("x", "branch")
		end := c.mustStep(StepCommand{Step: "end", Out: "out/end", In: in("join", "out/join")})
		end.want("only_b", `"B"`)
	})
	t.Run("order follows the flags", func(t *testing.T) {
		t.Parallel()
		c, join := splitRun(t, "exclude", "b", "a")
		s := c.mustStep(join)
		s.want("order", `["b", "a"]`)
		s.want("first_branch", `"b"`)
		s.want("ax", `1`)
	})
	t.Run("set on self wins", func(t *testing.T) {
		t.Parallel()
		c, join := splitRun(t, "preset", "a", "b")
		s := c.mustStep(join)
		s.want("x", `99`)
		s.want("branch", `"join"`)
		s.want("only_a", `"A"`)
	})
	t.Run("include", func(t *testing.T) {
		t.Parallel()
		c, join := splitRun(t, "include", "a", "b")
		s := c.mustStep(join)
		s.want("only_a", `"A"`)
		s.absent("only_b", "shared", "x")
	})
	t.Run("conflict", func(t *testing.T) {
		t.Parallel()
		c, join := splitRun(t, "all", "a", "b")
		c.fails(join, 1, `UnhandledInMergeArtifactsException`,
			`flowc: step "join" failed: UnhandledInMergeArtifactsException: step "join" cannot merge artifacts "branch", "x"`)
	})
}

func TestForeach(t *testing.T) {
	t.Parallel()
	c := newContext(t, "foreach", "flow.py", "ForeachFlow")
	start := c.mustStep(StepCommand{Step: "start", Out: "out/start", Next: []string{"square"}, Foreach: "items"})
	if fe := start.data().Foreach; fe == nil || fe.Var != "items" || fe.NumSplits != 3 {
		t.Errorf("start: foreach = %+v, want items over 3", fe)
	}
	data, err := os.ReadFile(filepath.Join(c.dir, "out/start/foreach.json"))
	if err != nil || string(data) != "[0,1,2]" {
		t.Errorf("foreach.json = %q (%v), want [0,1,2]", data, err)
	}
	for i, idx := range []string{"0", "1", "2"} {
		sq := c.mustStep(StepCommand{Step: "square", Out: "out/square/" + idx, In: in("start", "out/start"), Index: idx, Next: []string{"add_one"}})
		sq.want("my_index", idx)
		if fs := sq.data().ForeachStack; len(fs) != 1 || fs[0].Index != i || fs[0].Var != "items" || fs[0].Value != float64(i+1) {
			t.Errorf("square %d: foreach stack %+v", i, fs)
		}
		c.mustStep(StepCommand{Step: "add_one", Out: "out/add_one/" + idx, In: in("square", "out/square/"+idx), Next: []string{"join"}})
	}
	join := c.mustStep(StepCommand{Step: "join", Out: "out/join", InForeach: &Input{"add_one", "out/add_one"}, Next: []string{"end"}})
	join.want("total", `14`)
	join.want("indices", `[0, 1, 2]`)
	join.want("inputs_seen", `[1, 2, 3]`)
	join.want("later", `[[0, 1], [1, 2], [2, 3]]`)
	join.want("index_after_join", `null`)
	if fs := join.data().ForeachStack; len(fs) != 0 {
		t.Errorf("join: foreach stack %+v, want it popped", fs)
	}

	c.fails(StepCommand{Step: "square", Out: "out/bad", In: in("start", "out/start"), Index: "3", Next: []string{"add_one"}},
		1, `--index 3 is out of range: the foreach of step "start" has 3 items`)
	if err := os.RemoveAll(filepath.Join(c.dir, "out/add_one/1")); err != nil {
		t.Fatal(err)
	}
	c.fails(StepCommand{Step: "join", Out: "out/bad", InForeach: &Input{"add_one", "out/add_one"}, Next: []string{"end"}},
		1, `foreach child 1 of step "add_one" is missing`)
}

func TestForeachEmpty(t *testing.T) {
	t.Parallel()
	c := newContext(t, "foreach", "flow.py", "ForeachFlow")
	c.fails(StepCommand{Step: "start", Out: "out/start", Params: []Param{{"n", "0"}}, Next: []string{"square"}, Foreach: "items"},
		1, `foreach variable "items" of step "start" is empty`)
}

func TestNestedForeach(t *testing.T) {
	t.Parallel()
	c := newContext(t, "nested", "flow.py", "NestedFlow")
	c.mustStep(StepCommand{Step: "start", Out: "out/start", Next: []string{"outer_body"}, Foreach: "outer"})
	for i, outer := range []string{"x", "y"} {
		oi := []string{"0", "1"}[i]
		ob := c.mustStep(StepCommand{Step: "outer_body", Out: "out/outer_body/" + oi, In: in("start", "out/start"), Index: oi, Next: []string{"inner_body"}, Foreach: "inner"})
		ob.want("outer_seen", `[`+oi+`, "`+outer+`"]`)
		for j, ij := range []string{"0", "1", "2"} {
			ib := c.mustStep(StepCommand{Step: "inner_body", Out: "out/inner_body/" + oi + "/" + ij, In: in("outer_body", "out/outer_body/"+oi), Index: ij, Next: []string{"inner_join"}})
			ib.want("inner_seen", `[`+ij+`, "`+outer+ij+`"]`)
			ib.want("stack", `[[`+oi+`, 2, "`+outer+`"], [`+ij+`, 3, "`+outer+ij+`"]]`)
			if fs := ib.data().ForeachStack; len(fs) != 2 || fs[0].Index != i || fs[1].Index != j {
				t.Errorf("inner_body %d/%d: foreach stack %+v", i, j, fs)
			}
		}
		ij := c.mustStep(StepCommand{Step: "inner_join", Out: "out/inner_join/" + oi, InForeach: &Input{"inner_body", "out/inner_body/" + oi}, Next: []string{"outer_join"}})
		ij.want("tags", `["`+outer+`0", "`+outer+`1", "`+outer+`2"]`)
		ij.want("inner_indices", `[0, 1, 2]`)
		ij.want("after_inner", `[`+oi+`, "`+outer+`"]`)
	}
	oj := c.mustStep(StepCommand{Step: "outer_join", Out: "out/outer_join", InForeach: &Input{"inner_join", "out/inner_join"}, Next: []string{"end"}})
	oj.want("all_tags", `[["x0", "x1", "x2"], ["y0", "y1", "y2"]]`)
	oj.want("outer_indices", `[0, 1]`)
	oj.want("after_outer", `[null, null]`)
	c.mustStep(StepCommand{Step: "end", Out: "out/end", In: in("outer_join", "out/outer_join")})
}

func TestParameters(t *testing.T) {
	t.Parallel()
	c := newContext(t, "params", "flow.py", "ParamsFlow")
	params := []Param{{"name", "flowc"}, {"count", "3"}, {"ratio", "2.5"}, {"flag", "YES"},
		{"config", `{"k": [1, 2]}`}, {"needed", "here"}, {"tags", "x,y,z"}}
	start := c.mustStep(StepCommand{Step: "start", Out: "out/start", Params: params, Next: []string{"end"}})
	start.want("seen", `{"name": "flowc", "count": 3, "ratio": 2.5, "flag": true, "config": {"k": [1, 2]},
		"inferred": 7, "needed": "here", "computed": 42, "from_ctx": "from_ctx", "tags": ["x", "y", "z"],
		"notes": "hello notes\n"}`)
	start.want("types", `{"name": "str", "count": "int", "ratio": "float", "flag": "bool", "config": "dict",
		"inferred": "int", "needed": "str", "computed": "int", "from_ctx": "str", "tags": "list", "notes": "str"}`)
	start.want("assign_error", `"cannot assign to parameter \"count\" (self.count): parameters are read-only"`)
	start.absent("count", "name")
	// Parameters resolved in start travel with the state.
	end := c.mustStep(StepCommand{Step: "end", Out: "out/end", In: in("start", "out/start")})
	end.want("end_seen", `["flowc", 3, true, 42]`)

	t.Run("defaults", func(t *testing.T) {
		c := c.on(t)
		s := c.mustStep(StepCommand{Step: "start", Out: "out/defaults", Params: []Param{{"needed", "x"}}, Next: []string{"end"}})
		s.want("seen", `{"name": "world", "count": 1, "ratio": 0.5, "flag": false, "config": {"a": 1},
			"inferred": 7, "needed": "x", "computed": 42, "from_ctx": "from_ctx", "tags": ["a", "b"],
			"notes": "hello notes\n"}`)
	})
	t.Run("bools", func(t *testing.T) {
		c := c.on(t)
		for text, want := range map[string]string{"False": "false", "1": "true", "no": "false"} {
			s := c.mustStep(StepCommand{Step: "start", Out: "out/bool-" + text, Params: []Param{{"needed", "x"}, {"flag", text}}, Next: []string{"end"}})
			if got := s.data().Artifacts["seen"].(map[string]any)["flag"]; got != (want == "true") {
				t.Errorf("flag=%s gave %v", text, got)
			}
		}
	})
	t.Run("errors", func(t *testing.T) {
		c := c.on(t)
		bad := func(p []Param, want string) {
			t.Helper()
			c.fails(StepCommand{Step: "start", Out: "out/bad", Params: p, Next: []string{"end"}}, 1, want)
		}
		bad(nil, `flowc: missing required parameter "needed": pass --param needed=VALUE`)
		bad([]Param{{"needed", "x"}, {"count", "three"}}, `flowc: parameter "count": invalid int value 'three'`)
		bad([]Param{{"needed", "x"}, {"flag", "maybe"}}, `flowc: parameter "flag": invalid bool value 'maybe'`)
		bad([]Param{{"needed", "x"}, {"config", "{"}}, `flowc: parameter "config": invalid JSON value '{'`)
		bad([]Param{{"needed", "x"}, {"nope", "1"}}, `flowc: unknown parameter "nope"`)
	})
}

func TestFailures(t *testing.T) {
	t.Parallel()
	c := newContext(t, "fail", "flow.py", "FailFlow")
	c.mustStep(StepCommand{Step: "start", Out: "out/start", Next: []string{"explode"}})
	from := in("start", "out/start")
	next := []string{"end"}

	t.Run("traceback", func(t *testing.T) {
		c := c.on(t)
		r := c.fails(StepCommand{Step: "explode", Out: "out/explode", In: from, Next: next}, 1,
			"Traceback (most recent call last):", `flow.py", line 19, in explode`, `in check`,
			"ValueError: boom: bad\nflowc: step \"explode\" failed: ValueError: boom: bad\n")
		if strings.Contains(r.stderr, "flowc_runtime") {
			t.Errorf("the traceback shows the runtime's frames:\n%s", r.stderr)
		}
		// The output directory exists, for Argo's wait container, but holds no state.
		if _, err := os.Stat(filepath.Join(c.dir, "out/explode", "state.pkl")); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a failed step wrote its state (err %v)", err)
		}
	})
	t.Run("catch", func(t *testing.T) {
		c := c.on(t)
		cmd := StepCommand{Step: "caught", Out: "out/caught", In: from, Next: next}
		r := c.step(cmd, "FLOWC_CATCH=var=err")
		if r.code != 0 || !strings.Contains(r.stderr, "KeyError: 'missing thing'") {
			t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
		}
		s := &state{c: c, out: cmd.Out}
		s.want("before", `"kept"`)
		s.want("partial", `"kept too"`) // set before the exception: kept, as Metaflow keeps it
		err := s.data().Artifacts["err"].(map[string]any)
		if err["__class__"] != "CaughtException" || err["type"] != "builtins.KeyError" || err["message"] != "'missing thing'" ||
			!strings.Contains(err["traceback"].(string), `raise KeyError("missing thing")`) {
			t.Errorf("err = %v", err)
		}
		c.mustStep(StepCommand{Step: "end", Out: "out/caught-end", In: in("caught", "out/caught")})
	})
	t.Run("catch after the last retry", func(t *testing.T) {
		c := c.on(t)
		cmd := StepCommand{Step: "retried", Out: "out/retried", In: from, Next: next}
		for attempt, wantCode := range map[string]int{"0": 1, "1": 1, "2": 0} {
			r := c.step(cmd, "FLOWC_RETRY_COUNT="+attempt, "FLOWC_RETRY_TIMES=2", "FLOWC_CATCH=var=err,print_exception=false")
			if r.code != wantCode {
				t.Errorf("attempt %s: exit %d, want %d\n%s", attempt, r.code, wantCode, r.stderr)
			}
			if wantCode == 0 && strings.Contains(r.stderr, "Traceback") {
				t.Errorf("print_exception=False printed a traceback:\n%s", r.stderr)
			}
		}
		err := c.dump(cmd.Out).Artifacts["err"].(map[string]any)
		if err["type"] != "builtins.ValueError" || err["message"] != "boom: again" {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("transitions", func(t *testing.T) {
		c := c.on(t)
		c.fails(StepCommand{Step: "wrong_next", Out: "out/x", In: from, Next: next}, 1,
			`flowc: step "wrong_next" called self.next(self.explode), but the compiled flow expects self.next(self.end); recompile the flow`)
		c.fails(StepCommand{Step: "no_next", Out: "out/x", In: from, Next: next}, 1,
			`flowc: step "no_next" did not call self.next; the compiled flow expects self.next(self.end)`)
		c.fails(StepCommand{Step: "twice", Out: "out/x", In: from, Next: next}, 1,
			`InvalidNextException: step "twice" calls self.next more than once`)
		c.fails(StepCommand{Step: "end", Out: "out/x", In: from, Next: next}, 1,
			`flowc: step "end" did not call self.next`)
		c.fails(StepCommand{Step: "unpicklable", Out: "out/x", In: from, Next: next}, 1,
			`flowc: step "unpicklable": artifact "lock" cannot be pickled: TypeError`)
		c.fails(StepCommand{Step: "nosuch", Out: "out/x", In: from, Next: next}, 1,
			`flowc: class "FailFlow" has no step "nosuch"`)
		c.fails(StepCommand{Step: "explode", Out: "out/x", In: in("start", "out/none"), Next: next}, 1,
			`flowc: cannot read the state of step "start"`)
	})
	t.Run("usage", func(t *testing.T) {
		c := c.on(t)
		for _, args := range [][]string{
			{"-m", Module},
			{"-m", Module, "step", "start", "--flow", "flow.py", "--class", "FailFlow"},
			{"-m", Module, "step", "explode", "--flow", "flow.py", "--class", "FailFlow", "--out", "o", "--in", "start"},
			{"-m", Module, "step", "start", "--flow", "flow.py", "--class", "FailFlow", "--out", "o", "--foreach", "x"},
		} {
			r := c.exec(nil, args...)
			if r.code != 2 || !strings.HasPrefix(r.stderr, "flowc: ") {
				t.Errorf("%q: exit %d, want 2; stderr:\n%s", args, r.code, r.stderr)
			}
		}
	})
}

func TestImports(t *testing.T) {
	t.Parallel()
	c := newContext(t, "imports", "flow.py", "ImportsFlow")
	c.mustStep(StepCommand{Step: "start", Out: "out/start", Next: []string{"end"}})
	end := c.mustStep(StepCommand{Step: "end", Out: "out/end", In: in("start", "out/start")})
	end.want("checked", `[42, 3, "here"]`)
	end.want("local", `{"__class__": "Local", "tag": "here"}`)

	// The shims in the build context are what `import metaflow` and `import flowc` find, and
	// they carry the names flows import.
	r := c.exec(nil, "-c", "from metaflow import FlowSpec, step, Parameter, JSONType, current, "+
		"resources, kubernetes, retry, timeout, catch, environment, secrets, schedule, project, card, "+
		"conda, pypi, conda_base, pypi_base, IncludeFile, MetaflowException\n"+
		"from flowc import FlowSpec as F2, step, Parameter, JSONType, current, catch\n"+
		"import metaflow, flowc_runtime\n"+
		"print(FlowSpec is F2 is flowc_runtime.FlowSpec, metaflow.__file__)")
	want := "True " + filepath.Join(c.dir, "metaflow", "__init__.py")
	if r.code != 0 || strings.TrimSpace(r.stdout) != want {
		t.Errorf("got %q (exit %d, %s), want %q", r.stdout, r.code, r.stderr, want)
	}
}

// TestDataProcessExample runs the project's example flow (a copy of
// /work/shared/examples/data_process) step by step, as Argo would.
func TestDataProcessExample(t *testing.T) {
	t.Parallel()
	c := newContext(t, "data_process", "data_process.py", "DataProcessWorkflow")
	input, err := filepath.Abs("../../../examples/data_process/input")
	if err != nil {
		t.Fatal(err)
	}
	db, notify := filepath.Join(c.dir, "data.db.jsonl"), filepath.Join(c.dir, "notify.txt")
	env := []string{"DATA_DB=" + db, "NOTIFY_FILE=" + notify}
	params := []Param{{"datasource_path", input}}
	run := func(cmd StepCommand) *state {
		t.Helper()
		cmd.Params = params
		return c.mustStep(cmd, env...)
	}
	run(StepCommand{Step: "start", Out: "out/start", Next: []string{"transform_data"}})
	run(StepCommand{Step: "transform_data", Out: "out/transform_data", In: in("start", "out/start"),
		Next: []string{"save_to_db", "notify_data_science_team"}}).
		want("new_data", `[{"name": "ALPHA", "value": 1}, {"name": "BETA", "value": 2}, {"name": "GAMMA", "value": 3}]`)
	for _, branch := range []string{"save_to_db", "notify_data_science_team"} {
		run(StepCommand{Step: branch, Out: "out/" + branch, In: in("transform_data", "out/transform_data"), Next: []string{"join"}})
	}
	run(StepCommand{Step: "join", Out: "out/join", In: []Input{{"save_to_db", "out/save_to_db"},
		{"notify_data_science_team", "out/notify_data_science_team"}}, Next: []string{"end"}})
	run(StepCommand{Step: "end", Out: "out/end", In: in("join", "out/join")})

	records, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	wantDB := `{"name": "ALPHA", "value": 1}` + "\n" + `{"name": "BETA", "value": 2}` + "\n" + `{"name": "GAMMA", "value": 3}` + "\n"
	if string(records) != wantDB {
		t.Errorf("db:\n%s\nwant:\n%s", records, wantDB)
	}
	message, err := os.ReadFile(notify)
	if err != nil || string(message) != "3 new records are ready\n" {
		t.Errorf("notify file = %q (%v)", message, err)
	}
}
