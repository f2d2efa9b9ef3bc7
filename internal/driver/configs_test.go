package driver_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/internal/driver"
)

// TestConfigFormats checks what each config format resolves to: canonical JSON with sorted keys,
// TOML tables and dates included, YAML keys that are not strings turned into strings, and a
// file's own syntax error reported as the config's.
func TestConfigFormats(t *testing.T) {
	cases := []struct {
		file, text, parser, want, err string
	}{
		{"c.json", `{"b": 1, "a": [1.5, true, null]}`, "", `{"a":[1.5,true,null],"b":1}`, ""},
		{"c.toml", "when = 2024-05-01T10:00:00Z\n[[servers]]\nname = \"a\"\n[[servers]]\nname = \"b\"\n", "",
			`{"servers":[{"name":"a"},{"name":"b"}],"when":"2024-05-01T10:00:00Z"}`, ""},
		{"c.yml", "1: one\nlist: [x, y]\n", "", `{"1":"one","list":["x","y"]}`, ""},
		{"c.txt", "k: v\n", `, parser="yaml.safe_load"`, `{"k":"v"}`, ""},
		{"c.json", `{"a": `, "", "", `config "c": c.json is not valid JSON`},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			dir := t.TempDir()
			flow := startEndFlow("F", "    c = Config(\"c\", default=\""+c.file+"\""+c.parser+")\n\n")
			write(t, filepath.Join(dir, "flow.py"), flow)
			write(t, filepath.Join(dir, c.file), c.text)
			flows, diags := driver.Load([]string{filepath.Join(dir, "flow.py")})
			if c.err != "" {
				if !diags.HasErrors() || !strings.Contains(diags.String(), c.err) {
					t.Fatalf("want error %q, got %v", c.err, diags)
				}
				return
			}
			if diags.HasErrors() || len(flows) != 1 {
				t.Fatalf("diagnostics: %v", diags)
			}
			if got := string(flows[0].IR.Configs[0].JSON); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// startEndFlow is a flow of the steps start -> end in the class named class, after its members
// (the lines of the class body before the steps), which may use Config.
func startEndFlow(class, members string) string {
	return "from metaflow import Config, FlowSpec, step\n\n\nclass " + class + "(FlowSpec):\n" + members +
		"    @step\n    def start(self):\n        self.next(self.end)\n\n" +
		"    @step\n    def end(self):\n        pass\n"
}
