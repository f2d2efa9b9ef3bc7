package imagebuild

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// BuildKit's plain progress (buildctl and docker buildx alike) numbers each vertex: "#6 [3/3] RUN
// pip install ..." starts one, "#6 ERROR: ..." ends it in failure. A Dockerfile step's vertex
// name is its "[stage i/n] INSTRUCTION" line.
var (
	vertexStart = regexp.MustCompile(`^#(\d+) (\[.*)$`)
	vertexError = regexp.MustCompile(`^#(\d+) ERROR:? ?(.*)$`)
	finalError  = regexp.MustCompile(`^(?:ERROR|error): (.*)$`)
)

// stepTracker remembers the step each vertex is, the first one that failed, and the builder's
// final error line.
type stepTracker struct {
	names   map[string]string
	failed  string // the failing step's name
	message string // its error
	final   string // the builder's last "error: ..." line
}

func newStepTracker() *stepTracker { return &stepTracker{names: map[string]string{}} }

func (t *stepTracker) observe(line string) {
	line = strings.TrimRight(line, "\r")
	if m := vertexError.FindStringSubmatch(line); m != nil {
		if t.failed == "" {
			t.failed = t.names[m[1]]
			if t.failed == "" {
				t.failed = "#" + m[1]
			}
			t.message = m[2]
		}
		return
	}
	if m := vertexStart.FindStringSubmatch(line); m != nil {
		if _, ok := t.names[m[1]]; !ok {
			t.names[m[1]] = m[2]
		}
		return
	}
	if m := finalError.FindStringSubmatch(line); m != nil {
		t.final = m[1]
	}
}

// failure is the error of a failed build of the spec in dir.
func (t *stepTracker) failure(dir string, runErr error) error {
	df := filepath.Join(dir, "Dockerfile")
	switch {
	case t.failed != "" && t.message != "":
		return fmt.Errorf("%s: step %s failed: %s", df, t.failed, t.message)
	case t.failed != "":
		return fmt.Errorf("%s: step %s failed (%v)", df, t.failed, runErr)
	case t.final != "":
		return fmt.Errorf("%s: build failed: %s", df, t.final)
	}
	return fmt.Errorf("%s: build failed: %v", df, runErr)
}
