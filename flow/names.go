package flow

import (
	"strings"
	"unicode"
)

// StepName is the name of the step that method name defines: the Go method name in snake_case.
// A capital letter starts a new word after a lower-case letter or a digit, and the last capital
// of an acronym starts a new word when a lower-case letter follows it:
//
//	Start     -> start
//	Transform -> transform
//	SaveToDB  -> save_to_db
//	HTTPFetch -> http_fetch
//	Shard2    -> shard2
//
// This is the name the step has everywhere outside the Go source: in flowc's diagnostics and
// graphs, in the Argo manifests, on the step command line (`step save_to_db`) and in the
// --next list. Two methods that give one name are reported by flowc as a duplicate step.
func StepName(method string) string {
	rs := []rune(method)
	var b strings.Builder
	for i, r := range rs {
		if !unicode.IsUpper(r) {
			b.WriteRune(r)
			continue
		}
		if i > 0 && rs[i-1] != '_' {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
