package settings

import (
	"strings"
	"testing"
)

func TestChecks(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want string // "" for valid
	}{
		{"image", CheckImage("python:3.12-slim"), ""},
		{"image", CheckImage("python:3.12\nRUN evil"), "is not an image reference"},
		{"image", CheckImage(""), "an image reference is required"},
		{"repository", CheckRepository("ghcr.io/acme/flows"), ""},
		{"repository", CheckRepository("ghcr.io/acme/flows:v1"), "has a tag or digest"},
		{"pattern", CheckPattern("data/**/*.csv"), ""},
		{"pattern", CheckPattern("../secrets/*"), "must stay inside"},
		{"pattern", CheckPattern("/etc/*"), "must be relative"},
		{"pattern", CheckPattern(`data\*.csv`), `use "/"`},
		{"name", CheckName("pkg/mod.py"), ""},
		{"name", CheckName(".env"), "dot-file"},
		{"name", CheckName("a{{workflow.name}}.py"), "braces"},
		{"name", CheckName("a\x07.py"), "control character"},
	} {
		switch {
		case c.want == "" && c.err != nil:
			t.Errorf("%s: unexpected error %v", c.name, c.err)
		case c.want != "" && (c.err == nil || !strings.Contains(c.err.Error(), c.want)):
			t.Errorf("%s: error %v, want one containing %q", c.name, c.err, c.want)
		}
	}
}
