package driver_test

import (
	"bytes"
	"fmt"
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

// generatedFlow writes a flow of about n steps: stages of a 4-way split and its join, with a
// foreach every tenth stage, the shape that makes path enumeration explode.
func generatedFlow(n int) string {
	var b strings.Builder
	b.WriteString("from metaflow import FlowSpec, step\n\n\nclass GeneratedFlow(FlowSpec):\n")
	step := func(name, args, body string) {
		fmt.Fprintf(&b, "    @step\n    def %s(self%s):\n        %s\n\n", name, args, body)
	}
	prev := "start"
	stages := n / 6
	for i := 0; i < stages; i++ {
		split := fmt.Sprintf("s%d", i)
		next := fmt.Sprintf("j%d", i)
		body := fmt.Sprintf("self.next(self.%s_a, self.%s_b, self.%s_c, self.%s_d)", split, split, split, split)
		if i%10 == 9 {
			body = fmt.Sprintf("self.items = [1, 2]\n        self.next(self.%s_a, foreach=\"items\")", split)
		}
		if prev == "start" {
			step("start", "", "self.next(self."+split+")")
		} else {
			step(prev, ", inputs", "self.next(self."+split+")")
		}
		step(split, "", body)
		for _, x := range "abcd" {
			if i%10 == 9 && x != 'a' {
				continue
			}
			step(fmt.Sprintf("%s_%c", split, x), "", "self.next(self."+next+")")
		}
		prev = next
	}
	step(prev, ", inputs", "self.next(self.end)")
	step("end", "", "pass")
	return b.String()
}
