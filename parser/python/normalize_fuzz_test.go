package python

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzNormalize checks Normalize on any bytes: it never panics, keeps the length and the line
// breaks, reports positions inside the input, runs in bounded time, and hands gpython
// something it parses without panicking or hanging. Source that gpython already parses must
// still parse after Normalize, unless it has a lone CR: gpython reads that as part of a line
// and Python as a line break, and Normalize makes gpython read what Python reads.
func FuzzNormalize(f *testing.F) {
	for _, c := range normCases {
		f.Add([]byte(c.src))
	}
	for _, src := range normUnchanged {
		f.Add([]byte(src))
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "normalize", "*.py"))
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		start := time.Now()
		out, unsupported := Normalize(src)
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("Normalize took %v on %d bytes", d, len(src))
		}
		normCheckShape(t, src, out)
		lines := len(normLineBreaks(src)) + 1
		for _, u := range unsupported {
			if u.Line < 1 || u.Line > lines || u.Col < 1 || u.Construct == "" {
				t.Fatalf("bad report %+v for %d lines", u, lines)
			}
		}
		for _, pos := range [][2]int{{1, 1}, {lines, 1 << 62}, {lines / 2, len(src) / 2}, {0, 0}, {-1, -1}} {
			ConstructAt(src, pos[0], pos[1])
		}
		errBefore := normParseGuarded(t, src)
		lone := len(normLineBreaks(src)) != bytes.Count(src, []byte("\n"))
		if errAfter := normParseGuarded(t, out); errBefore == nil && errAfter != nil && !lone {
			t.Fatalf("gpython parsed the source but not the normalized output: %v\nout: %q", errAfter, out)
		}
	})
}

// normParseGuarded parses with gpython, failing the test when gpython panics past its own
// recover or does not return.
func normParseGuarded(t *testing.T, src []byte) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("panic: %v", r)
			}
		}()
		_, err := normParse(src)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil && strings.HasPrefix(err.Error(), "panic: ") {
			t.Fatalf("gpython %v on %q", err, src)
		}
		return err
	case <-time.After(10 * time.Second):
		t.Fatalf("gpython did not return on %q", src)
	}
	return nil
}

// TestNormalizeLinear runs Normalize on large hostile inputs, built to make a careless
// normaliser quadratic (rescanning, nested groups, long logical lines): each must finish well
// within a linear budget.
func TestNormalizeLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	const size = 1 << 19
	for name, unit := range map[string]string{
		"unterminated fields":   `f"{(" `,
		"nested fields":         `f"{f"{`,
		"triple fields":         "f'''{(\n",
		"open brackets":         "([{",
		"lambda defaults":       "lambda a=",
		"dict unpacking":        "{**a, ",
		"call unpacking":        "f(*a, **b, ",
		"annotations":           "x: int = 1\n",
		"multi-line annotation": "x: Dict[\n",
		"decorators":            "@a[0]()\n",
		"match blocks":          "match x:\n case 1:\n  ",
		"continuations":         "x = \\\n",
		"walrus and await":      "(a := await b) @ c ",
		"invalid bytes":         "\x00\xff`$?",
		"escapes":               `f"\N{` + strings.Repeat("a", 40),
	} {
		src := []byte(strings.Repeat(unit, size/len(unit)))
		start := time.Now()
		out, _ := Normalize(src)
		// Linear work takes well under a second here even on a loaded machine; the quadratic
		// rescans this guards against take over a minute at this size.
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: %v for %d bytes", name, d, len(src))
		}
		if len(out) != len(src) {
			t.Errorf("%s: length changed", name)
		}
	}
}
