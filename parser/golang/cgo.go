package golang

import (
	"go/build"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"

	"golang.org/x/tools/go/packages"

	"github.com/flowc-dev/flowc/internal/diag"
)

// cgoFiles reports the files of the package that use cgo. flowc reads flows with cgo off (Env),
// so that no C compiler or pkg-config ever runs at compile time, and the image builds them with
// cgo off too: such a file is left out of both, which is an error at its import "C".
func (l *loader) cgoFiles(pkg *packages.Package) {
	fset := token.NewFileSet()
	for _, file := range pkg.IgnoredFiles {
		f, err := parser.ParseFile(fset, file, nil, parser.ImportsOnly)
		if err != nil || !buildsWithCgo(file) {
			continue
		}
		for _, spec := range f.Imports {
			if p, _ := strconv.Unquote(spec.Path.Value); p == "C" {
				tp := fset.Position(spec.Path.Pos())
				l.diags = append(l.diags, diag.Errorf(diag.Pos{File: l.display(tp.Filename), Line: tp.Line, Col: tp.Column}, diag.Build,
					`this file uses cgo (import "C"): flowc reads Go flows and builds their images with cgo disabled, and never runs a C compiler`).
					Suggest("keep C code out of the flow's package and its imports"))
				break
			}
		}
	}
}

// buildsWithCgo reports whether a file left out of the build was left out for cgo alone, not
// for another platform or tag: with cgo on it would be built.
func buildsWithCgo(file string) bool {
	ctx := build.Default
	ctx.CgoEnabled = true
	ok, err := ctx.MatchFile(filepath.Dir(file), filepath.Base(file))
	return err == nil && ok
}
