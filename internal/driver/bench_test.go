package driver_test

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkCompileExample is the whole compile of the example flow: parse, check, emit, build
// context (hashing the embedded runtime), YAML.
func BenchmarkCompileExample(b *testing.B) {
	dir := filepath.Join("..", "..", "examples", "data_process")
	for b.Loop() {
		compileAll(b, []string{dir})
	}
}

// BenchmarkCompileGenerated compiles a generated flow of about 2,000 steps: 333 stacked 4-way
// split/join stages with foreach stages among them.
func BenchmarkCompileGenerated(b *testing.B) {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "flow.py"), []byte(generatedFlow(2000)), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		compileAll(b, []string{dir})
	}
}
