package check

import (
	"strings"

	"github.com/flowc-dev/flowc/internal/compiler/ir"
)

// hasBraces reports whether s holds what Argo would take for the start or end of a template.
func hasBraces(s string) bool { return strings.Contains(s, "{{") || strings.Contains(s, "}}") }

// literalArgs are the decorator arguments whose strings reach Kubernetes fields that Argo
// substitutes but where its escape, {{='{{'}}, cannot stand: names, images, label keys and
// values, selectors, schedules. keysOnly: only a dict's keys are literal; its values are escaped.
var literalArgs = map[string][]struct {
	arg      string
	keysOnly bool
}{
	"kubernetes":  {{"image", false}, {"service_account", false}, {"secrets", false}, {"node_selector", false}, {"tolerations", false}, {"gpu_vendor", false}, {"labels", false}, {"annotations", true}},
	"secrets":     {{"sources", false}},
	"environment": {{"vars", true}},
	"schedule":    {{"cron", false}, {"timezone", false}},
	"project":     {{"name", false}, {"branch", false}},
}

// TemplateSyntax reports "{{" and "}}" where escaping cannot apply.
var TemplateSyntax = &Check{
	Name: "template-syntax",
	Doc: `template-syntax reports "{{" or "}}" in a user string that Argo would substitute and where
flowc cannot write its escape {{='{{'}}: parameter names, and decorator values that become literal
Kubernetes fields (image, service account, secret names, node selectors, tolerations, labels,
annotation keys, environment variable names, cron schedule, time zone, project name and branch).
Help texts, defaults and environment values are escaped by the emitter instead. Step names cannot
hold braces (step-name).`,
	Run: func(p *Pass) {
		for _, prm := range p.Flow.Params {
			if hasBraces(prm.Name) {
				p.Reportf(orPos(prm.NamePos, prm.Pos), "parameter name %q contains %s, which Argo would read as a template; it cannot be escaped in a name",
					prm.Name, braces(prm.Name))
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
	for _, la := range literalArgs[d.Name] {
		a := d.Arg(la.arg)
		if a == nil {
			continue
		}
		if s, found := findBraces(a.Value, la.keysOnly); found {
			p.Reportf(orPos(a.Pos, d.Pos), "%s %s %q contains %s, which Argo would read as a template; it cannot be escaped there",
				decoName(p.Flow, d.Name), la.arg, s, braces(s))
		}
	}
}

// findBraces returns the first string in v that has braces: v itself, list elements, dict keys,
// and dict values unless keysOnly.
func findBraces(v ir.Value, keysOnly bool) (string, bool) {
	if v.Kind == ir.ValString && hasBraces(v.Str) {
		return v.Str, true
	}
	lists := [][]ir.Value{v.List, v.Keys}
	if !keysOnly {
		lists = append(lists, v.Elems)
	}
	for _, l := range lists {
		for _, e := range l {
			if s, found := findBraces(e, false); found {
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
