package diag

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readmeRow is one row of the README's table of check ids: | `id` | description |.
var readmeRow = regexp.MustCompile("^\\| `([a-z-]+)` \\| (.+) \\|$")

// readmeIDs reads the table under the README's heading on diagnostics, in order.
func readmeIDs(t *testing.T) [][2]string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var rows [][2]string
	in := false
	sc := bufio.NewScanner(bytes.NewReader(src))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			in = strings.Contains(line, "check ids")
			continue
		}
		if m := readmeRow.FindStringSubmatch(line); in && m != nil {
			rows = append(rows, [2]string{m[1], m[2]})
		}
	}
	return rows
}

// TestRegistryMatchesREADME keeps the README's table and Registry the same: every registered id
// documented with its description, every documented id registered, in one order.
func TestRegistryMatchesREADME(t *testing.T) {
	rows := readmeIDs(t)
	if len(rows) == 0 {
		t.Fatal("README.md has no table of check ids under a heading naming them")
	}
	documented := map[string]string{}
	for _, r := range rows {
		documented[r[0]] = r[1]
		if _, ok := Lookup(r[0]); !ok {
			t.Errorf("README documents %q, which internal/diag/ids.go does not register", r[0])
		}
	}
	var want strings.Builder
	for i, e := range Registry {
		want.WriteString("| `" + e.ID.String() + "` | " + e.Doc + " |\n")
		doc, ok := documented[e.ID.String()]
		switch {
		case !ok:
			t.Errorf("%q is registered but not in README.md's table", e.ID)
		case doc != e.Doc:
			t.Errorf("%q: README says %q, the registry %q", e.ID, doc, e.Doc)
		case i < len(rows) && rows[i][0] != e.ID.String():
			t.Errorf("row %d of README.md's table is %q, the registry's %q: keep one order", i+1, rows[i][0], e.ID)
		}
	}
	if t.Failed() {
		t.Logf("the table as the registry has it:\n%s", want.String())
	}
}

// TestRegistryWellFormed: ids are unique, lower-case words joined by '-', each described in one
// line in the diagnostics' own style.
func TestRegistryWellFormed(t *testing.T) {
	word := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	seen := map[ID]bool{}
	for _, e := range Registry {
		if !word.MatchString(e.ID.String()) {
			t.Errorf("id %q is not lower-case words joined by '-'", e.ID)
		}
		if seen[e.ID] {
			t.Errorf("id %q registered twice", e.ID)
		}
		seen[e.ID] = true
		if e.Doc == "" || strings.ContainsAny(e.Doc, "\n|") || strings.HasSuffix(e.Doc, ".") || e.Doc != strings.ToLower(e.Doc[:1])+e.Doc[1:] {
			t.Errorf("id %q: description %q is not one lower-case line without a trailing period", e.ID, e.Doc)
		}
	}
	if got, ok := Lookup("cycle"); !ok || got != Cycle {
		t.Errorf(`Lookup("cycle") = %v, %v`, got, ok)
	}
	if _, ok := Lookup("no-such-id"); ok {
		t.Error(`Lookup("no-such-id") found one`)
	}
}

// TestIDJSON: an id is written as its name, in JSON as in text.
func TestIDJSON(t *testing.T) {
	b, err := json.Marshal(struct{ C ID }{UnknownStep})
	if err != nil || string(b) != `{"C":"unknown-step"}` {
		t.Errorf("json.Marshal = %s, %v", b, err)
	}
}

// TestOnlyRegisteredIDs: outside this package an ID cannot be made but from the variables of
// ids.go (its field is unexported); inside it, every ID{"..."} written must be registered, so a
// variable added to ids.go without its Registry line fails here.
func TestOnlyRegisteredIDs(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	made := regexp.MustCompile(`\bID\{"([^"]*)"\}`)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range made.FindAllStringSubmatch(string(src), -1) {
			n++
			if _, ok := Lookup(m[1]); !ok {
				t.Errorf("%s makes the id %q, which Registry does not list", f, m[1])
			}
		}
	}
	if n != len(Registry) {
		t.Errorf("%d ids made in the package's sources, %d registered: one made twice, or a Registry line without its variable", n, len(Registry))
	}
}

// TestEveryIDReported: each registered id is named by some producer outside this package, so
// the registry and the README list no id that nothing reports.
func TestEveryIDReported(t *testing.T) {
	src, err := os.ReadFile("ids.go")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{} // id -> its variable
	for _, m := range regexp.MustCompile(`(?m)^\t(\w+)\s+= ID\{"([^"]+)"\}`).FindAllStringSubmatch(string(src), -1) {
		vars[m[2]] = m[1]
	}
	used := map[string]bool{}
	use := regexp.MustCompile(`\bdiag\.(\w+)\b`)
	root := filepath.Join("..", "..")
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == "oracle" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && p != root):
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go"):
			return nil
		}
		b, err := os.ReadFile(p)
		for _, m := range use.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range Registry {
		if v := vars[e.ID.String()]; !used[v] {
			t.Errorf("%q (diag.%s) is registered, but no producer reports it", e.ID, v)
		}
	}
}
