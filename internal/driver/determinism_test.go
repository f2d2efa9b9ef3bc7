package driver_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/internal/driver"
)

// compileAll compiles every case directory in the given order and returns every output file, by
// source file and output path (a Python case and its Go twin give the same object names).
func compileAll(t testing.TB, dirs []string) map[string][]byte {
	flows, diags := driver.Load(dirs)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	files := map[string][]byte{}
	for _, fl := range flows {
		out, d := driver.Compile(fl, testOptions())
		if d.HasErrors() {
			t.Fatal(d)
		}
		for p, data := range out.Files {
			files[fl.Path+": "+p] = data
		}
	}
	return files
}

// TestDeterminism compiles every case twice, the second time with the inputs in reverse order:
// every output file must come out byte for byte the same.
func TestDeterminism(t *testing.T) {
	var dirs []string
	for _, c := range goldenCases(t) {
		if c.input == c.dir && !strings.HasPrefix(c.name, "examples/") {
			dirs = append(dirs, c.dir) // a reusing case compiles a flow that is here already
		}
	}
	first := compileAll(t, dirs)
	reversed := make([]string, len(dirs))
	for i, d := range dirs {
		reversed[len(dirs)-1-i] = d
	}
	second := compileAll(t, reversed)
	if len(first) != len(second) {
		t.Fatalf("%d files, then %d", len(first), len(second))
	}
	for p, data := range first {
		if !bytes.Equal(data, second[p]) {
			t.Errorf("%s differs between two compiles", p)
		}
	}
}
