package main

import (
	"fmt"
	"runtime/debug"
)

// version is set by the release build with -ldflags "-X main.version=..."; it never reaches
// generated files, so a new release does not rewrite every golden.
var version = ""

func runVersion(e *env, args []string) int {
	v := version
	if v == "" {
		v = "(devel)"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
			v = bi.Main.Version
		}
	}
	fmt.Fprintf(e.stdout, "flowc %s\n", v)
	return exitOK
}
