package ir

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Name limits of what flowc writes, in one place for the name check and the emitter.
const (
	MaxTemplateName = 128 // the longest template or task name Argo accepts
	MaxObjectName   = 63  // an RFC 1123 label: WorkflowTemplate and Workflow names, label values
	MaxCronName     = 52  // CronWorkflow: the controller appends 11 characters to name its Workflows
)

// DNSName turns s into an RFC 1123 label of at most limit bytes, the form Kubernetes object names
// and Argo template names take: ASCII letters are lowercased, every other character that is not
// a letter, digit or '-' (an '_', a '.', each non-ASCII rune) becomes '-', and leading and
// trailing '-' are trimmed. Runs of '-' are kept, so that the mapping stays easy to predict.
//
// A result longer than limit is cut and ends in "-" and the first 8 hex digits of the SHA-256 of
// the whole of s, so that two long names that share a prefix stay apart, on every machine. A limit
// of 8 or less keeps only (a prefix of) the hash. DNSName returns "" when s has no letter or
// digit; callers report that (the name check does for flow and step names).
func DNSName(s string, limit int) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9', r == '-':
			b.WriteRune(r)
		case 'A' <= r && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		default:
			b.WriteByte('-')
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) <= limit {
		return out
	}
	sum := sha256.Sum256([]byte(s))
	hash := hex.EncodeToString(sum[:4])
	if limit <= len(hash) {
		return hash[:max(limit, 0)]
	}
	cut := strings.TrimRight(out[:limit-len(hash)-1], "-")
	if cut == "" {
		return hash
	}
	return cut + "-" + hash
}

// TemplateName is the Argo template and DAG task name of the step named step: DNSName with
// Argo's limit of 128. It only ever yields lowercase letters, digits and '-', so an emitter can
// give its own templates (the entry DAG, foreach sub-DAGs) names with an uppercase letter in them
// that no step can take.
func TemplateName(step string) string { return DNSName(step, MaxTemplateName) }
