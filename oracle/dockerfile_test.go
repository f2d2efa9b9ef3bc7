package oracle

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// TestDockerfiles parses every golden Dockerfile with BuildKit's own parser, and checks that every
// COPY source exists in the build context the golden lists next to it (<flow>.context.txt).
func TestDockerfiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "golden", "*", "*", "*.Dockerfile"))
	if len(files) == 0 {
		t.Fatal("no golden Dockerfiles found")
	}
	for _, path := range files {
		t.Run(filepath.ToSlash(path), func(t *testing.T) {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			res, err := parser.Parse(f)
			if err != nil {
				t.Fatalf("BuildKit cannot parse it: %v", err)
			}
			stages, _, err := instructions.Parse(res.AST, nil)
			if err != nil {
				t.Fatalf("BuildKit rejects its instructions: %v", err)
			}
			context := contextFiles(t, strings.TrimSuffix(path, ".Dockerfile")+".context.txt")
			for _, st := range stages {
				for _, cmd := range st.Commands {
					cp, ok := cmd.(*instructions.CopyCommand)
					if !ok || cp.From != "" {
						continue // a COPY --from a build stage reads that stage, not the context
					}
					for _, src := range cp.SourcePaths {
						if src != "." && !context[src] {
							t.Errorf("COPY %s: not in the build context", src)
						}
					}
				}
			}
		})
	}
}

// contextFiles reads a golden's context listing: "<sha256>  <path>" per line.
func contextFiles(t *testing.T, path string) map[string]bool {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if _, p, ok := strings.Cut(sc.Text(), "  "); ok {
			out[p] = true
		}
	}
	return out
}
