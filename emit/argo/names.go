package argo

import "github.com/flowc-dev/flowc/compiler/ir"

// Kubernetes' name limits for the objects flowc writes.
const (
	maxObjectName = ir.MaxObjectName
	maxCronName   = ir.MaxCronName
	bodyPrefix    = "ForEach-"
)

// TemplateName is the template and task name of a step.
func TemplateName(step string) string { return ir.TemplateName(step) }

// bodyName names the sub-DAG template of a foreach body and the task that fans it out. Its
// uppercase letters keep it apart from every step's template name, which is all lowercase.
func bodyName(step string) string {
	return bodyPrefix + ir.DNSName(step, ir.MaxTemplateName-len(bodyPrefix))
}

func labelValue(s string) string { return ir.DNSName(s, maxObjectName) }
