package build

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// hostileDockerfiles are Dockerfiles written for names that pass flowc's checks but would break
// a Dockerfile written raw, each with the instructions BuildKit must read from it: the
// instruction, its flags, then its arguments. The oracle module parses golden/dockerfiles/ with
// BuildKit's own parser and compares (oracle/dockerfile_test.go).
var hostileDockerfiles = []struct {
	name string
	text string
	want [][]string
}{
	{"python-odd-flow-name", dockerfile("localhost:5000/py/base:3.12@sha256:"+sha, "a b $HOME \"q\" \\ # x=y.py", true, nil), [][]string{
		{"from", "localhost:5000/py/base:3.12@sha256:" + sha},
		{"workdir", "/flowc/app"},
		{"env", "PYTHONUNBUFFERED", "1", "PYTHONDONTWRITEBYTECODE", "1"},
		{"copy", "requirements.txt", "./"},
		{"run", "pip", "install", "--no-cache-dir", "-r", "requirements.txt"},
		{"copy", ".", "./"},
	}},
	{"go-odd-package-dirs", goDockerfile("golang:1.26", DefaultGoRuntime, "cmd/a b/$HOME/${X:-y}/\"q\"/back\\slash/-x/ünï"), [][]string{
		{"from", "golang:1.26", "AS", "build"},
		{"arg", "GOPROXY"}, {"arg", "GONOSUMDB"}, {"arg", "GOPRIVATE"}, {"arg", "GOSUMDB"},
		{"workdir", "/src"},
		{"copy", ".", "."},
		{"env", "CGO_ENABLED", "0"},
		{"env", "GOCACHE", "/root/.cache/go-build", "GOMODCACHE", "/go/pkg/mod"},
		{"run", "--mount=type=cache,id=flowc-go-build,target=/root/.cache/go-build", "--mount=type=cache,id=flowc-go-mod,target=/go/pkg/mod", "go", "build", "-trimpath", "-o", "/flow", "./cmd/a b/$HOME/${X:-y}/\"q\"/back\\slash/-x/ünï"},
		{"from", DefaultGoRuntime},
		{"copy", "--from=build", "/flow", "/flow"},
		{"entrypoint", "/flow"},
	}},
	{"go-trailing-backslash", goDockerfile("localhost:5000/go/builder:1.26", "localhost:5000/go/static:1", "pkg\\"), [][]string{
		{"from", "localhost:5000/go/builder:1.26", "AS", "build"},
		{"arg", "GOPROXY"}, {"arg", "GONOSUMDB"}, {"arg", "GOPRIVATE"}, {"arg", "GOSUMDB"},
		{"workdir", "/src"},
		{"copy", ".", "."},
		{"env", "CGO_ENABLED", "0"},
		{"env", "GOCACHE", "/root/.cache/go-build", "GOMODCACHE", "/go/pkg/mod"},
		{"run", "--mount=type=cache,id=flowc-go-build,target=/root/.cache/go-build", "--mount=type=cache,id=flowc-go-mod,target=/go/pkg/mod", "go", "build", "-trimpath", "-o", "/flow", "./pkg\\"},
		{"from", "localhost:5000/go/static:1"},
		{"copy", "--from=build", "/flow", "/flow"},
		{"entrypoint", "/flow"},
	}},
}

const sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

// TestHostileDockerfileGoldens keeps golden/dockerfiles/ in step with the writer
// (FLOWC_UPDATE=1 rewrites it), and checks the names pass flowc's own checks.
func TestHostileDockerfileGoldens(t *testing.T) {
	dir := filepath.Join("..", "..", "golden", "dockerfiles")
	for _, c := range hostileDockerfiles {
		want, _ := json.MarshalIndent(c.want, "", "  ")
		files := map[string][]byte{c.name + ".Dockerfile": []byte(c.text), c.name + ".want.json": append(want, '\n')}
		for name, data := range files {
			path := filepath.Join(dir, name)
			if os.Getenv("FLOWC_UPDATE") != "" {
				os.MkdirAll(dir, 0o755)
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			got, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(got, data) {
				t.Errorf("%s is stale; run FLOWC_UPDATE=1 go test ./emit/build/", path)
			}
		}
	}
	if err := CheckImage("localhost:5000/py/base:3.12@sha256:" + sha); err != nil {
		t.Error(err)
	}
}

// TestDockerfileRefusals: what never reaches a Dockerfile.
func TestDockerfileRefusals(t *testing.T) {
	for _, img := range []string{"python:3.12\nRUN id", "python 3.12", "--platform=x python", "$BASE", "Python", ""} {
		if CheckImage(img) == nil {
			t.Errorf("image %q accepted", img)
		}
	}
	for _, name := range []string{"a\nFROM x.py", "a\rb.py", "a\u2028b.py", "{{workflow.name}}.py", ".hidden.py"} {
		if checkName(name) == nil {
			t.Errorf("file name %q accepted", name)
		}
	}
}
