package driver_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/compiler/check"
	"github.com/flowc-dev/flowc/internal/driver"
	"github.com/flowc-dev/flowc/internal/localrun"
)

// snapshot renders v and everything it points to as text: two snapshots are equal exactly when
// the values are, field by field, so that a write anywhere in a flow shows as a difference.
func snapshot(v any) string {
	var b strings.Builder
	writeValue(&b, reflect.ValueOf(v))
	return b.String()
}

func writeValue(b *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		b.WriteString("<invalid>")
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		b.WriteString("&")
		writeValue(b, v.Elem())
	case reflect.Struct:
		b.WriteString(v.Type().Name() + "{")
		for i := range v.NumField() {
			fmt.Fprintf(b, "%s:", v.Type().Field(i).Name)
			writeValue(b, v.Field(i))
			b.WriteString(" ")
		}
		b.WriteString("}")
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			b.WriteString("nil")
			return
		}
		fmt.Fprintf(b, "[%d:", v.Len())
		for i := range v.Len() {
			writeValue(b, v.Index(i))
			b.WriteString(",")
		}
		b.WriteString("]")
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		b.WriteString("map[")
		for _, k := range keys {
			writeValue(b, k)
			b.WriteString("=")
			writeValue(b, v.MapIndex(k))
			b.WriteString(",")
		}
		b.WriteString("]")
	case reflect.Func:
		fmt.Fprintf(b, "func(%v)", v.Pointer())
	default: // fmt prints a reflect.Value's content, unexported fields (diag.ID's) included
		fmt.Fprintf(b, "%#v", v)
	}
}

// allInputs lists every flow input of the repository's tests: the golden cases of both
// languages, the error flows (files and Go packages), the run cases and the examples.
func allInputs(t *testing.T) []string {
	root := filepath.Join("..", "..")
	out := []string{filepath.Join(root, "examples", "data_process"), filepath.Join(root, "examples", "data_process_go")}
	for _, lang := range []string{"python", "go", "runs"} {
		for _, name := range caseDirs(t, lang) {
			out = append(out, filepath.Join(root, "testdata", lang, name))
		}
	}
	errs, _ := filepath.Glob(filepath.Join(root, "testdata", "errors", "*.py"))
	goErrs, _ := filepath.Glob(filepath.Join(root, "testdata", "errors", "go", "*"))
	return append(append(out, errs...), goErrs...)
}

// TestChecksOnlyRead: the compile phase (driver.ResolveAll) is the last to write the IR. For
// every flow of the repository's tests, the error flows included, the resolved IR is the same
// field by field after the checks ran on it, and the checks did report on the error flows.
func TestChecksOnlyRead(t *testing.T) {
	flows, reported := 0, 0
	for _, in := range allInputs(t) {
		fls, _ := driver.ResolveAll([]string{in}, driver.LoadOptions{})
		for _, fl := range fls {
			before := snapshot(fl.IR)
			if len(check.Run(fl.IR)) > 0 {
				reported++
			}
			if after := snapshot(fl.IR); after != before {
				t.Errorf("%s: check.Run changed flow %s:\nbefore %s\nafter  %s", in, fl.IR.Name, before, after)
			}
			flows++
		}
	}
	if flows < 100 || reported < 20 {
		t.Errorf("%d flows, %d with diagnostics: the inputs were not found", flows, reported)
	}
}

// TestCompileWithoutChecks: the emitters read only what the compile phase wrote. Every golden
// case compiles to the same bytes from a flow that no check has seen as from the checked one,
// and the emitters leave the flow as they found it.
func TestCompileWithoutChecks(t *testing.T) {
	for _, lang := range []string{"python", "go"} {
		for _, name := range caseDirs(t, lang) {
			in := filepath.Join("..", "..", "testdata", lang, name)
			unchecked, diags := driver.ResolveAll([]string{in}, driver.LoadOptions{})
			if diags.HasErrors() {
				t.Fatalf("%s: %s", in, diags)
			}
			checked, _ := driver.Load([]string{in})
			if len(checked) != len(unchecked) {
				t.Fatalf("%s: %d flows checked, %d unchecked", in, len(checked), len(unchecked))
			}
			for i, fl := range unchecked {
				before := snapshot(fl.IR)
				got := compileFiles(t, fl)
				if snapshot(fl.IR) != before {
					t.Errorf("%s: compiling changed flow %s", in, fl.IR.Name)
				}
				want := compileFiles(t, checked[i])
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: compiled without the checks, flow %s gives other files", in, fl.IR.Name)
				}
			}
		}
	}
}

func compileFiles(t *testing.T, fl *driver.Flow) map[string][]byte {
	t.Helper()
	opts := testOptions()
	opts.Runtime = pinnedRuntime
	out, d := driver.Compile(fl, opts)
	if d.HasErrors() || out == nil || len(out.Files[out.Name+".yaml"]) == 0 {
		t.Fatalf("%s: compile: %s", fl.Path, d)
	}
	return out.Files
}

// TestRunWithoutChecks: flowc run's local runner reads only what the compile phase wrote. The
// foreach run case, which no check has seen, runs to its expected output.
func TestRunWithoutChecks(t *testing.T) {
	python := pythonPath(t)
	dir := filepath.Join("..", "..", "testdata", "runs", "foreach")
	flows, diags := driver.ResolveAll([]string{filepath.Join(dir, "flow.py")}, driver.LoadOptions{})
	if diags.HasErrors() || len(flows) != 1 {
		t.Fatalf("%d flows: %s", len(flows), diags)
	}
	fl := flows[0]
	ctx, diags := driver.BuildContext(fl, testOptions().Config)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var stdout strings.Builder
	err := localrun.Run(context.Background(), fl.IR, localrun.Options{
		Dir: t.TempDir(), RunID: "r1", Context: ctx.Files, FlowFile: ctx.FlowFile, MaxWorkers: 2,
		Env: os.Environ(), Python: python, Stdout: &stdout, Progress: io.Discard,
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "[end/0] squares [9, 1, 4] total 14\n") {
		t.Errorf("stdout:\n%s", stdout.String())
	}
}
