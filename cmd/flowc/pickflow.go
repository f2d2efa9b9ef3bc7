package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/flowc-dev/flowc/internal/driver"
)

// mainGuard finds `if __name__ == "__main__":` (either quote, either order).
var mainGuard = regexp.MustCompile(`(?m)^if\s+(?:__name__\s*==\s*["']__main__["']|["']__main__["']\s*==\s*__name__)\s*:`)

// pickFlow chooses the flow a command runs: the one named, else the file's only flow, else the
// one its main block instantiates, as `python flow.py run` would run it.
func pickFlow(flows []*driver.Flow, name string) (*driver.Flow, error) {
	var names []string
	for _, fl := range flows {
		if fl.IR.Name == name {
			return fl, nil
		}
		names = append(names, strconv.Quote(fl.IR.Name))
	}
	switch {
	case name != "":
		return nil, fmt.Errorf("no flow named %q; the file defines %s", name, strings.Join(names, ", "))
	case len(flows) == 1:
		return flows[0], nil
	case len(flows) == 0:
		return nil, fmt.Errorf("no flow found")
	}
	if fl := mainFlow(flows); fl != nil {
		return fl, nil
	}
	return nil, fmt.Errorf("the file defines %d flows (%s); choose one with --flow NAME", len(flows), strings.Join(names, ", "))
}

// mainFlow is the flow that the source's main block creates, such as `HelloFlow()`, or nil.
func mainFlow(flows []*driver.Flow) *driver.Flow {
	src := flows[0].Src
	loc := mainGuard.FindIndex(src)
	if loc == nil {
		return nil
	}
	block := src[loc[1]:]
	var found *driver.Flow
	for _, fl := range flows {
		call := regexp.MustCompile(`\b` + regexp.QuoteMeta(fl.IR.Name) + `\s*\(`)
		if call.Match(block) {
			if found != nil {
				return nil // ambiguous
			}
			found = fl
		}
	}
	if found != nil && !bytes.Equal(found.Src, src) {
		return nil
	}
	return found
}
