package driver

import (
	"path/filepath"
	"strings"

	"github.com/flowc-dev/flowc/internal/diag"
)

// Frontend reads the flows of one source language. The driver knows languages only through
// frontends: a new one plugs in by adding its Frontend there (its parser lives under parser/).
type Frontend interface {
	// Match reports whether file, met while searching a directory, is a source of this language,
	// and names the unit Load reads for it: the file itself, or its package's directory.
	Match(file string) (unit string, ok bool)
	// Load reads the flows in unit, a file or directory; must says whether finding none is an
	// error (a unit named on the command line) or not (a helper met in a directory).
	Load(unit string, must bool, o LoadOptions) ([]*Flow, diag.List)
	// Shape says what a flow is in this language, for the suggestion of a source without one.
	Shape() string
}

// frontends are the languages flowc reads, in the order a directory's flows are listed. A file
// named on the command line that none matches is read by the first.
var frontends = []Frontend{pythonFrontend{}, goFrontend{}}

// pythonFrontend reads a .py file (parser/python).
type pythonFrontend struct{}

func (pythonFrontend) Match(file string) (string, bool) { return file, strings.HasSuffix(file, ".py") }

func (pythonFrontend) Load(unit string, must bool, o LoadOptions) ([]*Flow, diag.List) {
	return loadFile(unit, must, o)
}

func (pythonFrontend) Shape() string {
	return "a Python flow is a class deriving FlowSpec with @step methods"
}

// goFrontend reads a Go package, named by a directory or one of its files (parser/golang).
type goFrontend struct{}

func (goFrontend) Match(file string) (string, bool) {
	return filepath.Dir(file), strings.HasSuffix(file, ".go") && !strings.HasSuffix(file, "_test.go")
}

func (goFrontend) Load(unit string, must bool, o LoadOptions) ([]*Flow, diag.List) {
	return loadGo(unit, must, o)
}

func (goFrontend) Shape() string {
	return "a Go flow is a //flowc:flow struct type embedding flow.FlowSpec"
}

// frontendOf is the frontend that reads a file named on the command line.
func frontendOf(file string) Frontend {
	for _, fe := range frontends {
		if _, ok := fe.Match(file); ok {
			return fe
		}
	}
	return frontends[0]
}

// shapes is every frontend's Shape, for a directory that holds no flow of any language.
func shapes() string {
	s := make([]string, len(frontends))
	for i, fe := range frontends {
		s[i] = fe.Shape()
	}
	return strings.Join(s, "; ")
}
