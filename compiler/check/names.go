package check

import "github.com/flowc-dev/flowc/compiler/ir"

// Names and quantities live in compiler/ir, where the emitters read them too; these forward to
// them for the checks and for callers written before the move.

// MaxTemplateName is the longest template or task name Argo accepts.
const MaxTemplateName = ir.MaxTemplateName

// Units of resource values given as plain numbers, as Metaflow reads them.
const (
	CPUUnit    = ir.CPUUnit
	MemoryUnit = ir.MemoryUnit
)

// DNSName turns s into an RFC 1123 label of at most limit bytes; see ir.DNSName.
func DNSName(s string, limit int) string { return ir.DNSName(s, limit) }

// TemplateName is a step's Argo template name; see ir.TemplateName.
func TemplateName(step string) string { return ir.TemplateName(step) }

// Quantity renders a resource value as a Kubernetes quantity; see ir.Quantity.
func Quantity(v ir.Value, unit string) (q string, ok bool) { return ir.Quantity(v, unit) }
