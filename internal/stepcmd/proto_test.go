package stepcmd_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"testing"

	"github.com/flowc-dev/flowc/internal/stepcmd"
)

func TestParseBool(t *testing.T) {
	for i, w := range stepcmd.BoolWords() {
		v, ok := stepcmd.ParseBool(" " + w + " ")
		if !ok || v != (i < 6) {
			t.Errorf("ParseBool(%q) = %v, %v", w, v, ok)
		}
	}
	for _, w := range []string{"", "maybe", "2", "yess", "tru", "0.0"} {
		if _, ok := stepcmd.ParseBool(w); ok {
			t.Errorf("ParseBool(%q) accepted a word that is not a bool word", w)
		}
	}
}

// TestPythonBoolWords checks that the Python runtime's table holds exactly the protocol's words
// with the same truth (the conformance suite runs some of them through both runtimes).
func TestPythonBoolWords(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "runtime", "python", "files", "flowc_runtime", "parameters.py"))
	if err != nil {
		t.Fatal(err)
	}
	table := regexp.MustCompile(`(?s)_BOOLS = \{(.*?)\}`).FindSubmatch(src)
	if table == nil {
		t.Fatal("no _BOOLS table in parameters.py")
	}
	var got []string
	for _, m := range regexp.MustCompile(`"([^"]*)": (True|False)`).FindAllSubmatch(table[1], -1) {
		word := string(m[1])
		if v, ok := stepcmd.ParseBool(word); !ok || v != (string(m[2]) == "True") {
			t.Errorf("Python reads %q as %s; the protocol does not", word, m[2])
		}
		got = append(got, word)
	}
	want := stepcmd.BoolWords()
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("Python's bool words %v, the protocol's %v", got, want)
	}
}
