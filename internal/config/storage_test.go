package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneOfSettings checks that flowc.yaml's artifactStorage and templates take the values the
// emitter writes and name the accepted ones, at the value's position, for anything else.
func TestOneOfSettings(t *testing.T) {
	for _, tc := range []struct{ key, value, err string }{
		{"artifactStorage", "gcs", ""},
		{"artifactStorage", "azure", ""},
		{"artifactStorage", "oss", ""},
		{"artifactStorage", "s3", ""},
		{"artifactStorage", "hdfs", `flowc.yaml:1:18: error: artifactStorage must be one of s3, gcs, azure, oss, not "hdfs" [config]`},
		{"templates", "auto", ""},
		{"templates", "per-step", ""},
		{"templates", "shared", ""},
		{"templates", "compact", `flowc.yaml:1:12: error: templates must be one of auto, per-step, shared, not "compact" [config]`},
	} {
		p := filepath.Join(t.TempDir(), FileName)
		if err := os.WriteFile(p, []byte(tc.key+": "+tc.value+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := Load(p)
		got := map[string]string{"artifactStorage": "", "templates": ""}
		if c != nil {
			got = map[string]string{"artifactStorage": c.ArtifactStorage, "templates": c.Templates}
		}
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: %s: %v", tc.key, tc.value, err)
		case tc.err == "" && got[tc.key] != tc.value:
			t.Errorf("%s: %s: read %q", tc.key, tc.value, got[tc.key])
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: %s: error %v, want %q", tc.key, tc.value, err, tc.err)
		}
	}
}
