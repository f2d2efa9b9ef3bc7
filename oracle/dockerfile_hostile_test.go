package oracle

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// TestHostileDockerfiles parses the Dockerfiles flowc writes for hostile names (spaces, "$",
// quotes, backslashes, "#", a leading "-") with BuildKit's parser and checks that it reads
// exactly the instructions flowc meant (golden/dockerfiles/<case>.want.json): nothing split,
// joined, expanded or added.
func TestHostileDockerfiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "golden", "dockerfiles", "*.Dockerfile"))
	if len(files) == 0 {
		t.Fatal("no hostile Dockerfiles found")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var want [][]string
			raw, err := os.ReadFile(strings.TrimSuffix(path, ".Dockerfile") + ".want.json")
			if err != nil || json.Unmarshal(raw, &want) != nil {
				t.Fatalf("cannot read the expected instructions: %v", err)
			}
			res, err := parser.Parse(strings.NewReader(string(data)))
			if err != nil {
				t.Fatalf("BuildKit cannot parse it: %v", err)
			}
			if _, _, err := instructions.Parse(res.AST, nil); err != nil {
				t.Fatalf("BuildKit rejects its instructions: %v", err)
			}
			var got [][]string
			for _, n := range res.AST.Children {
				words := append([]string{strings.ToLower(n.Value)}, n.Flags...)
				for next, i := n.Next, 0; next != nil; next, i = next.Next, i+1 {
					if words[0] == "env" && i%3 == 2 {
						continue // ENV's nodes are name, value, separator triples
					}
					words = append(words, next.Value)
				}
				got = append(got, words)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("BuildKit reads:\n%q\nflowc meant:\n%q", got, want)
			}
		})
	}
}
