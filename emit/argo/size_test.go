package argo_test

import (
	"encoding/json"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/flowc-dev/flowc/emit/argo"
)

// TestStoredSizeIsTheJSONSize: StoredSize counts exactly the bytes of the JSON that the API
// server makes of the written YAML, hostile strings (escapes, quotes, U+2028) included.
func TestStoredSizeIsTheJSONSize(t *testing.T) {
	for _, s := range append(hostileStrings, "<a & b>", strings.Repeat("x", 5000)) {
		o := object(s)
		if len(s) > 1000 {
			o = objectKeyed(s, "k2")
		}
		got, err := argo.StoredSize(o)
		if err != nil {
			t.Fatal(err)
		}
		out, err := argo.Marshal([]argo.Object{o})
		if err != nil {
			t.Fatal(err)
		}
		var tree any
		if err := yaml.Unmarshal(out, &tree); err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal(tree)
		if err != nil {
			t.Fatal(err)
		}
		if got != len(js) {
			t.Errorf("StoredSize(%q) = %d, want %d: %s", s, got, len(js), js)
		}
	}
}
