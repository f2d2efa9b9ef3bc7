package golang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/internal/diag"
)

// TestGoLineReported: a go.mod the go command refuses is reported with what the go command
// said, and a go line newer than the local toolchain never downloads one (GOTOOLCHAIN=local).
func TestGoLineReported(t *testing.T) {
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ goLine, want string }{
		{"1.20", "go list says: go: updates to go.mod needed"},
		{"1.99", "go list says: go: go.mod requires go >= 1.99 (running go "},
	}
	for _, c := range cases {
		t.Run(c.goLine, func(t *testing.T) {
			dir := t.TempDir()
			gomod := "module example.com/old\n\ngo " + c.goLine + "\n\nrequire github.com/flowc-dev/flowc v0.0.0\n\nreplace github.com/flowc-dev/flowc => " + repo + "\n"
			os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644)
			os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nimport \"github.com/flowc-dev/flowc/flow\"\n\nfunc main() { flow.Main(nil) }\n"), 0o644)
			t.Setenv("GOFLAGS", "-mod=mod") // which would let go list rewrite go.mod
			t.Setenv("GOPROXY", "off")      // a download attempt fails instead of reaching out
			_, diags := Load(dir)
			if len(diags) != 1 || !strings.Contains(diags[0].Message, c.want) || diags[0].Check != diag.Load {
				t.Fatalf("diagnostics %v, want one with %q", diags, c.want)
			}
			if c.goLine == "1.99" && !strings.HasSuffix(diags[0].Message, "GOTOOLCHAIN=local)") {
				t.Errorf("not refused for GOTOOLCHAIN=local: %s", diags[0].Message)
			}
			if data, _ := os.ReadFile(filepath.Join(dir, "go.mod")); string(data) != gomod {
				t.Errorf("go.mod was rewritten:\n%s", data)
			}
		})
	}
}
