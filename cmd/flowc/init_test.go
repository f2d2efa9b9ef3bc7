package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestInitCases keeps what flowc init writes as compiler test cases, testdata/python/init and
// testdata/go/init: the golden tests compile them, the oracle validates their manifests and the
// driver's Argo simulation runs them, so a change to init's flows must pass all three.
// FLOWC_UPDATE=1 rewrites the cases.
func TestInitCases(t *testing.T) {
	for _, lang := range []string{"python", "go"} {
		dir := filepath.Join("..", "..", "testdata", lang, "init")
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range initFiles(lang, flowClassName("init"), abs) {
			if f.name == "README.md" {
				continue // not an input of the compiler
			}
			p := filepath.Join(dir, f.name)
			if os.Getenv("FLOWC_UPDATE") != "" {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(f.content), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			got, err := os.ReadFile(p)
			if err != nil || string(got) != f.content {
				t.Errorf("%s is not what flowc init --lang %s writes; run FLOWC_UPDATE=1 go test ./cmd/flowc/ -run TestInitCases, then FLOWC_UPDATE=1 go test ./internal/driver/", p, lang)
			}
		}
	}
}

// TestFlowClassName checks the class names init derives from directory names.
func TestFlowClassName(t *testing.T) {
	for in, want := range map[string]string{
		"hello": "HelloFlow", "my-data": "MyDataFlow", "etl_flow": "EtlFlow", "2024": "HelloFlow",
		".": "HelloFlow", "données": "HelloFlow", "x1": "X1Flow",
	} {
		if got := flowClassName(in); got != want {
			t.Errorf("flowClassName(%q) = %q, want %q", in, got, want)
		}
	}
}
