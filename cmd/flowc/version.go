package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set by the release build with -ldflags "-X main.version=..."; it never reaches
// generated files, so a new release does not rewrite every golden.
var version = ""

// versionInfo is what flowc version prints: the module version (a tag for `go install ...@v1.2.3`,
// "(devel)" for a build in a clone) and the commit it was built from, as the Go toolchain
// stamps them into the binary.
type versionInfo struct {
	Version   string `json:"version"`
	Revision  string `json:"revision,omitempty"`
	Time      string `json:"time,omitempty"`
	Modified  bool   `json:"modified,omitempty"`
	GoVersion string `json:"goVersion"`
	Platform  string `json:"platform"`
}

func buildVersion() versionInfo {
	bi, _ := debug.ReadBuildInfo()
	return versionFrom(bi)
}

// versionFrom reads the version out of the build info the Go toolchain stamped; bi may be nil.
func versionFrom(bi *debug.BuildInfo) versionInfo {
	v := versionInfo{Version: version, GoVersion: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if bi == nil {
		v.Version = "(devel)"
		return v
	}
	if v.Version == "" {
		v.Version = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	if v.Version == "" {
		v.Version = "(devel)"
	}
	return v
}

func runVersion(e *env, args []string) int {
	fs := newFlagSet(e, "version", "[-o text|json|yaml]")
	out := fs.String("o", "text", "output format: text, json or yaml")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 0 {
		return usageErr(e, "version takes no arguments")
	}
	v := buildVersion()
	switch *out {
	case "json", "yaml":
		return printObject(e, *out, v)
	case "text":
	default:
		return usageErr(e, "-o must be text, json or yaml, not %q", *out)
	}
	fmt.Fprintf(e.stdout, "flowc %s", v.Version)
	if v.Revision != "" {
		rev := v.Revision[:min(12, len(v.Revision))]
		if v.Modified {
			rev += "-dirty"
		}
		fmt.Fprintf(e.stdout, " (%s %s)", rev, v.Time)
	}
	fmt.Fprintf(e.stdout, " %s %s\n", v.GoVersion, v.Platform)
	return exitOK
}
