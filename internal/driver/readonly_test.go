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
	var out []string
	for _, c := range goldenCases(t) {
		out = append(out, c.input)
	}
	for _, name := range caseDirs(t, "runs") {
		out = append(out, filepath.Join(root, "testdata", "runs", name))
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
// case, and the examples, compile from flows that no check has seen to their golden files (the
// checks' warnings aside), and the emitters leave the flows as they found them.
func TestCompileWithoutChecks(t *testing.T) {
	for _, c := range goldenCases(t) {
		flows, diags := driver.ResolveAll([]string{c.input}, driver.LoadOptions{})
		before := make([]string, len(flows))
		for k, fl := range flows {
			before[k] = snapshot(fl.IR)
		}
		files := goldenFilesOf(t, c.dir, caseOptions(t, c.dir), flows, diags)
		for k, fl := range flows {
			if snapshot(fl.IR) != before[k] {
				t.Errorf("%s: compiling changed flow %s", c.dir, fl.IR.Name)
			}
		}
		delete(files, "diagnostics.txt") // the checks' warnings are not there to see
		for name, got := range files {
			want, err := os.ReadFile(filepath.Join(c.golden, name))
			if err != nil || string(want) != got {
				t.Errorf("%s: compiled without the checks, %s differs from its golden (%v)", c.dir, name, err)
			}
		}
	}
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
