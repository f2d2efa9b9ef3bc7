package outdir

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// tree lists every file and link under dir as "path" or "path -> target", with file contents.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == dir || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if d.Type()&os.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			out[filepath.ToSlash(rel)] = "-> " + target
			return nil
		}
		data, _ := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	return out
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if target, ok := strings.CutPrefix(data, "-> "); ok {
			if err := os.Symlink(target, path); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const yaml = "---\nmetadata:\n  labels:\n    app.kubernetes.io/managed-by: flowc\n"

func docs(files ...string) Flow {
	f := Flow{YAMLName: "docs.yaml", YAML: []byte(yaml), Dir: "docs", Files: map[string][]byte{}}
	for _, p := range files {
		f.Files[p] = []byte("new " + p)
	}
	return f
}

func markerOf(paths ...string) string {
	sort.Strings(paths)
	return string(marker(paths))
}

// TestWrite: what is on disk before, what flowc is asked to write, and either the refusal (the
// path it names and a word of its message) or exactly what is on disk after.
func TestWrite(t *testing.T) {
	outside := t.TempDir()
	write(t, outside, map[string]string{"secret": "mine"})
	cases := []struct {
		name    string
		before  map[string]string
		flow    Flow
		errPath string // "" when the write must succeed
		errMsg  string
		after   map[string]string // nil: the same as before (refusals)
	}{
		{
			name: "fresh directory",
			flow: docs("Dockerfile", "pkg/mod.py"),
			after: map[string]string{"docs.yaml": yaml, "docs/Dockerfile": "new Dockerfile", "docs/pkg/mod.py": "new pkg/mod.py",
				"docs/" + Marker: markerOf("Dockerfile", "pkg/mod.py")},
		},
		{
			name:    "a user's docs directory of the same name",
			before:  map[string]string{"docs/index.md": "my docs", "docs/Dockerfile": "mine"},
			flow:    docs("Dockerfile"),
			errPath: "docs", errMsg: "was not created by flowc",
		},
		{
			name:    "a Python package named like the flow",
			before:  map[string]string{"pipeline/__init__.py": "", "pipeline/util.py": "x = 1"},
			flow:    Flow{YAMLName: "pipeline.yaml", YAML: []byte(yaml), Dir: "pipeline", Files: map[string][]byte{"pipeline/util.py": []byte("copy")}},
			errPath: "pipeline", errMsg: "was not created by flowc",
		},
		{
			name:    "a symlinked flow directory",
			before:  map[string]string{"docs": "-> " + outside},
			flow:    docs("Dockerfile"),
			errPath: "docs", errMsg: "symbolic link",
		},
		{
			name:    "a symlinked directory inside flowc's",
			before:  map[string]string{"docs/" + Marker: markerOf("Dockerfile"), "docs/Dockerfile": "old", "docs/pkg": "-> " + outside},
			flow:    docs("Dockerfile", "pkg/mod.py"),
			errPath: "docs/pkg", errMsg: "symbolic link",
		},
		{
			name:    "a file the user put into flowc's directory",
			before:  map[string]string{"docs/" + Marker: markerOf("Dockerfile"), "docs/Dockerfile": "old", "docs/notes.txt": "mine"},
			flow:    docs("Dockerfile"),
			errPath: "docs/notes.txt", errMsg: "was not written by flowc",
		},
		{
			name:    "a forged marker",
			before:  map[string]string{"docs/" + Marker: "Dockerfile\n", "docs/Dockerfile": "mine"},
			flow:    docs("Dockerfile"),
			errPath: "docs/" + Marker, errMsg: "not a marker flowc wrote",
		},
		{
			name:    "a manifest flowc did not write",
			before:  map[string]string{"docs.yaml": "site_name: my docs\n"},
			flow:    docs("Dockerfile"),
			errPath: "docs.yaml", errMsg: "not written by flowc",
		},
		{
			name:    "a symlinked manifest",
			before:  map[string]string{"docs.yaml": "-> " + filepath.Join(outside, "secret")},
			flow:    docs("Dockerfile"),
			errPath: "docs.yaml", errMsg: "not a regular file",
		},
		{
			name:    "a directory where flowc writes a file",
			before:  map[string]string{"docs/" + Marker: markerOf("Dockerfile", "data/x.csv"), "docs/Dockerfile": "old", "docs/data/x.csv": "old"},
			flow:    docs("Dockerfile", "data"),
			errPath: "docs/data", errMsg: "is in the way",
		},
		{
			name: "a rewrite removes only what flowc wrote before",
			before: map[string]string{"docs.yaml": yaml + "old", "docs/" + Marker: markerOf("Dockerfile", "old/gone.py", "../escape", "/abs"),
				"docs/Dockerfile": "old", "docs/old/gone.py": "old", "escape": "mine"},
			flow: docs("Dockerfile"),
			after: map[string]string{"docs.yaml": yaml, "docs/Dockerfile": "new Dockerfile", "docs/" + Marker: markerOf("Dockerfile"),
				"escape": "mine"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, c.before)
			err := Write(dir, []Flow{c.flow})
			if c.errPath != "" {
				want := filepath.ToSlash(filepath.Join(dir, c.errPath)) + ": "
				if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), c.errMsg) {
					t.Fatalf("error %v, want %q...%q", err, want, c.errMsg)
				}
				c.after = c.before
			} else if err != nil {
				t.Fatal(err)
			}
			got := tree(t, dir)
			want := c.after
			if want == nil {
				want = map[string]string{}
			}
			if !equal(got, want) {
				t.Errorf("on disk after:\n%v\nwant:\n%v", got, want)
			}
			if tree(t, outside)["secret"] != "mine" || len(tree(t, outside)) != 1 {
				t.Errorf("the directory outside changed: %v", tree(t, outside))
			}
		})
	}
}

func equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if bv, ok := b[k]; !ok || bv != v {
			return false
		}
	}
	return true
}

// TestWriteRefusalWritesNothing: when the second flow is refused, the first is not written either.
func TestWriteRefusalWritesNothing(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"docs/index.md": "mine"})
	ok := Flow{YAMLName: "a.yaml", YAML: []byte(yaml), Dir: "a", Files: map[string][]byte{"Dockerfile": []byte("x")}}
	if err := Write(dir, []Flow{ok, docs("Dockerfile")}); err == nil {
		t.Fatal("no error")
	}
	if got := tree(t, dir); len(got) != 1 {
		t.Errorf("on disk: %v", got)
	}
}

// TestWriteTrailingSlash: "-o out/" for a directory that does not exist yet is "-o out", the
// first time and the next.
func TestWriteTrailingSlash(t *testing.T) {
	root := filepath.Join(t.TempDir(), "generated") + "/"
	for i := 0; i < 2; i++ {
		if err := Write(root, []Flow{docs("Dockerfile")}); err != nil {
			t.Fatalf("write %d: %v", i+1, err)
		}
		if err := Check(root, docs("Dockerfile")); err != nil {
			t.Fatalf("check %d: %v", i+1, err)
		}
	}
	if got := tree(t, root); got["docs/Dockerfile"] != "new Dockerfile" || got["docs.yaml"] != yaml {
		t.Errorf("on disk: %v", got)
	}
}

// TestWriteIntoFile: -o naming an existing file says so, and leaves the file alone.
func TestWriteIntoFile(t *testing.T) {
	root := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(root, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Write(root, []Flow{docs("Dockerfile")})
	want := filepath.ToSlash(root) + ": is not a directory; -o names the directory flowc writes into: give another path"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if b, _ := os.ReadFile(root); string(b) != "mine" {
		t.Errorf("the file now holds %q", b)
	}
}
