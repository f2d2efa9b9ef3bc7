package golang

import (
	"strings"

	"golang.org/x/tools/go/packages"
)

// programFiles lists the files `go build` reads from modules for pkg: its own and those of every
// package it imports, directly or not, outside the standard library. Other platforms' files are
// in (the image may be one), tests are out. The go command lists the imported packages with the
// flow's package, so this costs no second load.
func programFiles(pkg *packages.Package) []string {
	var out []string
	packages.Visit([]*packages.Package{pkg}, nil, func(p *packages.Package) {
		if p.Module == nil {
			return // the standard library
		}
		for _, list := range [][]string{p.GoFiles, p.IgnoredFiles, p.OtherFiles, p.EmbedFiles} {
			for _, file := range list {
				if !strings.HasSuffix(file, "_test.go") {
					out = append(out, file)
				}
			}
		}
	})
	return out
}
