package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestArtifactStorage checks that flowc.yaml's artifactStorage takes the kinds the emitter writes
// and names the accepted ones for anything else.
func TestArtifactStorage(t *testing.T) {
	for _, tc := range []struct{ value, err string }{
		{"gcs", ""},
		{"azure", ""},
		{"oss", ""},
		{"s3", ""},
		{"hdfs", `artifactStorage must be one of s3, gcs, azure, oss, not "hdfs"`},
	} {
		p := filepath.Join(t.TempDir(), FileName)
		if err := os.WriteFile(p, []byte("artifactStorage: "+tc.value+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := Load(p)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.value, err)
		case tc.err == "" && c.ArtifactStorage != tc.value:
			t.Errorf("%s: read %q", tc.value, c.ArtifactStorage)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want %q", tc.value, err, tc.err)
		}
	}
}

// TestTemplates checks that flowc.yaml's templates takes the layouts the emitter writes and
// names the accepted ones for anything else, at the value's position.
func TestTemplates(t *testing.T) {
	for _, tc := range []struct{ value, err string }{
		{"auto", ""},
		{"per-step", ""},
		{"shared", ""},
		{"compact", `flowc.yaml:1:12: error: templates must be one of auto, per-step, shared, not "compact" [config]`},
	} {
		p := filepath.Join(t.TempDir(), FileName)
		if err := os.WriteFile(p, []byte("templates: "+tc.value+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := Load(p)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.value, err)
		case tc.err == "" && c.Templates != tc.value:
			t.Errorf("%s: read %q", tc.value, c.Templates)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want %q", tc.value, err, tc.err)
		}
	}
}
