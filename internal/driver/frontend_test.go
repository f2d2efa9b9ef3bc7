package driver

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestFrontendOf(t *testing.T) {
	for file, want := range map[string]Frontend{
		"flows/train.py":   pythonFrontend{},
		"flows/go/main.go": goFrontend{},
		"flows/train":      pythonFrontend{}, // a named file of no known language is read as Python
		"x_test.go":        pythonFrontend{},
	} {
		if got := frontendOf(file); got != want {
			t.Errorf("frontendOf(%q) = %T, want %T", file, got, want)
		}
	}
}

// TestSourceUnits: a directory's sources are grouped by frontend, a Go package once however
// many files it has, test files and skipped directories left out.
func TestSourceUnits(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.py", "a.py", "pkg/x.go", "pkg/y.go", "pkg/x_test.go", "tests/z_test.go",
		".hidden/h.py", "testdata/t.py", "notes.txt"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	units, _, err := sourceUnits(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{filepath.Join(dir, "a.py"), filepath.Join(dir, "b.py")}, {filepath.Join(dir, "pkg")}}
	if !reflect.DeepEqual(units, want) {
		t.Errorf("sourceUnits = %q, want %q", units, want)
	}
}
