package check

import (
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/diag"
)

// hasBraces reports whether s holds what Argo would take for the start or end of a template.
func hasBraces(s string) bool { return strings.Contains(s, "{{") || strings.Contains(s, "}}") }

// literalArgs are the decorator arguments whose strings reach fields that Argo substitutes.
// Argo has no escape that survives: the controller substitutes a step's template more than once,
// so {{='{{'}} turns back into "{{" and is substituted again (measured with Argo v4.0.5's own
// code, see oracle/template_test.go).
var literalArgs = map[string][]string{
	"kubernetes":  {"image", "service_account", "secrets", "node_selector", "tolerations", "gpu_vendor", "labels", "annotations"},
	"secrets":     {"sources"},
	"environment": {"vars"},
	"schedule":    {"cron", "timezone"},
	"project":     {"name", "branch"},
}

// TemplateSyntax reports "{{" and "}}" where escaping cannot apply.
var TemplateSyntax = &Check{
	Name: diag.TemplateSyntax,
	Doc: `template-syntax reports "{{" in a user string that reaches the manifests, where Argo would
substitute it: parameter names, help texts and defaults, and decorator values (image, service
account, secret names, node selectors, tolerations, labels, annotations, environment variables,
cron schedule, time zone, project name and branch). The flow's file name and path are the build
context's to check (emit/build, internal/driver). Argo has no escape that survives its repeated
substitution. Names are also checked for "}}". Values given when a run is submitted are safe:
they reach steps base64-encoded. Step names cannot hold braces (step-name).`,
	Run: func(p *Pass) {
		for _, prm := range p.Flow.Params {
			if hasBraces(prm.Name) {
				p.Reportf(orPos(prm.NamePos, prm.Pos), "parameter name %q contains %s, which Argo would read as a template; it cannot be escaped in a name",
					prm.Name, braces(prm.Name))
			}
			if strings.Contains(prm.Help, "{{") {
				p.reportFix(prm.Pos, "reword it", "help of parameter %q contains \"{{\", which Argo would read as a template, with no escape", prm.Name)
			}
			if prm.Default != nil {
				if s, found := findOpenBraces(*prm.Default); found {
					p.reportFix(orPos(prm.DefaultPos, prm.Pos), "pass such a value when submitting a run",
						"default of parameter %q contains \"{{\" (in %q), which Argo would read as a template, with no escape", prm.Name, s)
				}
			}
		}
		for _, s := range p.Flow.Steps {
			for _, d := range s.Decorators {
				checkLiteralArgs(p, d)
			}
		}
		for _, d := range p.Flow.Decorators {
			checkLiteralArgs(p, d)
		}
	},
}

func checkLiteralArgs(p *Pass, d *ir.Decorator) {
	for _, name := range literalArgs[d.Name] {
		a := d.Arg(name)
		if a == nil {
			continue
		}
		if s, found := findBraces(a.Value); found {
			p.Reportf(orPos(a.Pos, d.Pos), "%s %s %q contains %s, which Argo would read as a template; Argo has no escape for it there",
				decoName(p.Flow, d.Name), name, s, braces(s))
		}
	}
}

// findBraces returns the first string in v that has braces: v itself, list elements, dict keys,
// and dict values.
func findBraces(v ir.Value) (string, bool) {
	if v.Kind == ir.ValString && hasBraces(v.Str) {
		return v.Str, true
	}
	for _, l := range [][]ir.Value{v.List, v.Keys, v.Elems} {
		for _, e := range l {
			if s, found := findBraces(e); found {
				return s, true
			}
		}
	}
	return "", false
}

// findOpenBraces returns the first string in v, at any depth, that holds "{{".
func findOpenBraces(v ir.Value) (string, bool) {
	if strings.Contains(v.Str, "{{") && v.Kind != ir.ValExpr {
		return v.Str, true
	}
	for _, l := range [][]ir.Value{v.List, v.Keys, v.Elems} {
		for _, e := range l {
			if s, found := findOpenBraces(e); found {
				return s, true
			}
		}
	}
	return "", false
}

// braces names which of "{{" and "}}" s holds, for a message.
func braces(s string) string {
	if strings.Contains(s, "{{") {
		return `"{{"`
	}
	return `"}}"`
}
