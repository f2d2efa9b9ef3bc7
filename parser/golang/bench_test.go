package golang

import (
	"path/filepath"
	"testing"
)

// BenchmarkLoad measures loading one flow package: go list, parsing, and type-checking the flow
// package against its dependencies' export data, which the go command caches.
func BenchmarkLoad(b *testing.B) {
	dir := filepath.Join(root, "testdata", "go", "foreach")
	for b.Loop() {
		flows, diags := Load(dir)
		if len(flows) != 1 || len(diags) > 0 {
			b.Fatalf("flows %d, diagnostics:\n%s", len(flows), diags)
		}
	}
}
