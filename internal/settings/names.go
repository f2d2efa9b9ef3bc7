package settings

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"unicode"
)

// CheckPattern reports what is wrong with an include pattern, or nil.
func CheckPattern(p string) error {
	switch {
	case p == "":
		return errors.New("an empty pattern matches nothing")
	case strings.HasPrefix(p, "/") || filepath.IsAbs(p):
		return errors.New("the pattern must be relative to the directory of flowc.yaml")
	case strings.Contains(p, "\\"):
		return errors.New(`use "/" between path elements; "\" is not allowed`)
	}
	for _, el := range strings.Split(p, "/") {
		if el == ".." || el == "." || el == "" {
			return fmt.Errorf("the pattern must stay inside the directory of flowc.yaml: no %q element", el)
		}
		if _, err := path.Match(el, ""); err != nil {
			return fmt.Errorf("%q is not a valid glob: %v", el, err)
		}
	}
	return CheckName(strings.NewReplacer("*", "x", "?", "x", "[", "x", "]", "x").Replace(p))
}

// CheckName refuses a context path that could not be written safely into a Dockerfile, a
// listing or a manifest: one with a control character, a dot-file or dot-directory, an element
// that leaves the root, or braces that Argo would read as a template.
func CheckName(rel string) error {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return fmt.Errorf("%q is not a path inside the flow's directory", rel)
	}
	for _, r := range rel {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
			return fmt.Errorf("file name %q holds the control character %U; rename the file", rel, r)
		}
	}
	for _, el := range strings.Split(rel, "/") {
		if strings.HasPrefix(el, ".") {
			return fmt.Errorf("%s is a dot-file; flowc leaves dot-files out of build contexts", rel)
		}
	}
	if strings.Contains(rel, "{{") || strings.Contains(rel, "}}") {
		return fmt.Errorf("file name %q holds braces that Argo would read as a template; rename the file", rel)
	}
	return nil
}
