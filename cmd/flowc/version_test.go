package main

import (
	"runtime/debug"
	"testing"
)

// TestVersionFrom checks what flowc version reads from the build info: a tagged module version
// from go install ...@vX, the commit, its time and whether the tree was modified.
func TestVersionFrom(t *testing.T) {
	bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/flowc-dev/flowc", Version: "v1.2.3"}, Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
		{Key: "vcs.time", Value: "2026-12-01T10:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	v := versionFrom(bi)
	if v.Version != "v1.2.3" || v.Revision != "0123456789abcdef0123456789abcdef01234567" || v.Time != "2026-12-01T10:00:00Z" || !v.Modified {
		t.Errorf("versionFrom = %+v", v)
	}
	if v := versionFrom(&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}); v.Version != "(devel)" || v.Revision != "" {
		t.Errorf("a build in a clone: %+v", v)
	}
	if v := versionFrom(nil); v.Version != "(devel)" {
		t.Errorf("no build info: %+v", v)
	}
}
