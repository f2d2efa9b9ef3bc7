package argo

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Argo's and Kubernetes' name limits.
const (
	maxObjectName   = 63  // an RFC 1123 label: WorkflowTemplate and Workflow names
	maxCronName     = 52  // CronWorkflow: Kubernetes appends 11 characters to name its Workflows
	maxTemplateName = 128 // template and task names
	maxLabelValue   = 63
)

// FlowName is the object name of a flow: its class name lowercased, with every character outside
// [a-z0-9-] made '-', at most 63 characters.
func FlowName(class string) string { return sanitize(class, maxObjectName) }

// CronName is the CronWorkflow name of a flow, at most 52 characters.
func CronName(class string) string { return sanitize(class, maxCronName) }

// TemplateName is the template and task name of a step. It leaves room for "-body".
func TemplateName(step string) string { return sanitize(step, maxTemplateName-len("-body")) }

func labelValue(s string) string { return sanitize(s, maxLabelValue) }

// sanitize lowercases s, maps characters outside [a-z0-9-] to '-', trims '-' at both ends, and
// shortens what is longer than max to a prefix plus a hash of the whole, so that two long names
// that share a prefix stay apart and the same name always gives the same result.
func sanitize(s string, max int) string {
	b := []byte(strings.ToLower(s))
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			b[i] = '-'
		}
	}
	out := strings.Trim(string(b), "-")
	if out == "" {
		out = "x"
	}
	if len(out) <= max {
		return out
	}
	sum := sha256.Sum256([]byte(s))
	suffix := hex.EncodeToString(sum[:])[:8]
	return strings.TrimRight(out[:max-len(suffix)-1], "-") + "-" + suffix
}
