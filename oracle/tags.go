package oracle

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/argoproj/argo-workflows/v4/util/template"
)

// checkTags parses every string of a decoded document, keys included, on its own with Argo's
// template parser and reports each one that does not parse, such as a `{{` without `}}`.
//
// This is stricter than Argo. Argo parses the JSON of a whole template or task at once, so a
// stray `{{` in one string pairs with the next `}}` anywhere after it, often the closing
// braces of the JSON itself ("resources":{}}), and its validator lets it through. Whether it
// then fails depends on what the object holds, so flowc must never emit one.
func checkTags(tree any) error {
	var errs []error
	walkStrings(tree, "", func(path, s string) {
		if !strings.Contains(s, "{{") {
			return
		}
		if err := template.Validate(s, func(string) error { return nil }); err != nil {
			errs = append(errs, fmt.Errorf("%s: %q: %w", path, s, err))
		}
	})
	return errors.Join(errs...)
}

// walkStrings calls visit with every string in tree and a path to it such as
// spec.templates[2].container.args[0]. Object keys are visited in sorted order.
func walkStrings(tree any, path string, visit func(path, s string)) {
	switch v := tree.(type) {
	case string:
		visit(path, v)
	case []any:
		for i, e := range v {
			walkStrings(e, fmt.Sprintf("%s[%d]", path, i), visit)
		}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			p := k
			if path != "" {
				p = path + "." + k
			}
			visit(p, k)
			walkStrings(v[k], p, visit)
		}
	}
}
