package oracle

import (
	"encoding/json"
	"fmt"

	"github.com/argoproj/argo-workflows/v4/util/template"
)

// Substitute replaces the `{{...}}` tags of s as Argo v4.0.5's controller does in one pass
// (util/template.Replace): `{{name}}` becomes params[name]; `{{=expr}}` is evaluated as an
// expr-lang expression over params; a simple tag that names no parameter is left as written,
// as the controller allows when it substitutes a template. Argo substitutes inside the JSON
// encoding of a whole object, so s is quoted as a JSON string first and unquoted after.
//
// The controller substitutes a step's template more than once (globals, then inputs, then the
// pod spec), so text that one pass produces is seen again by the next.
func Substitute(s string, params map[string]string) (string, error) {
	quoted, err := json.Marshal(s)
	if err != nil {
		return "", err
	}
	out, err := template.Replace(quietContext(), string(quoted), params, true)
	if err != nil {
		return "", err
	}
	var result string
	if err := json.Unmarshal([]byte(out), &result); err != nil {
		return "", fmt.Errorf("substitution gave invalid JSON %s: %w", out, err)
	}
	return result, nil
}
