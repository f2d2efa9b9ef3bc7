package ir

import (
	"fmt"
	"strconv"
	"strings"
)

// Dump renders a resolved flow as stable text, one fact per line, for golden files: a frontend
// change shows up as a small diff. Positions are left out of step lines so that the dumps of the
// same flow written in Python and in Go can be compared.
func (f *Flow) Dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "flow %s\n", f.Name)
	for _, d := range f.Decorators {
		fmt.Fprintf(&b, "  @%s\n", d.String())
	}
	for _, p := range f.Params {
		fmt.Fprintf(&b, "param %s type=%s", p.Name, p.Type)
		if p.Default != nil {
			fmt.Fprintf(&b, " default=%s", p.Default.String())
		}
		if p.Required {
			b.WriteString(" required")
		}
		if p.Help != "" {
			fmt.Fprintf(&b, " help=%s", strconv.Quote(p.Help))
		}
		if p.Include != nil {
			fmt.Fprintf(&b, " include(text=%t, encoding=%s)", p.Include.IsText, strconv.Quote(p.Include.Encoding))
		}
		b.WriteByte('\n')
	}
	for _, c := range f.Configs {
		fmt.Fprintf(&b, "config %s attr=%s = %s\n", c.Name, c.Attr, c.JSON)
	}
	if f.Start != "" || f.End != "" {
		fmt.Fprintf(&b, "start=%s end=%s\n", f.StartName(), f.EndName())
	}
	for _, s := range f.Steps {
		fmt.Fprintf(&b, "step %s %s", s.Name, s.Kind)
		if len(s.Next) > 0 {
			fmt.Fprintf(&b, " -> %s", strings.Join(s.Next, ", "))
		}
		if s.Foreach != "" {
			fmt.Fprintf(&b, " foreach=%s", s.Foreach)
		}
		if len(s.Stack) > 0 {
			fmt.Fprintf(&b, " in-bodies-of=%s", strings.Join(s.Stack, ","))
		}
		b.WriteByte('\n')
		for _, d := range s.Decorators {
			fmt.Fprintf(&b, "  @%s\n", d.String())
		}
	}
	return b.String()
}

// String renders a decorator with its arguments in source order.
func (d *Decorator) String() string {
	if len(d.Args) == 0 {
		return d.Name
	}
	parts := make([]string, len(d.Args))
	for i, a := range d.Args {
		if a.Name == "" {
			parts[i] = a.Value.String()
		} else {
			parts[i] = a.Name + "=" + a.Value.String()
		}
	}
	return d.Name + "(" + strings.Join(parts, ", ") + ")"
}

// String renders a value in Python-like literal form.
func (v Value) String() string {
	switch v.Kind {
	case ValString:
		return strconv.Quote(v.Str)
	case ValList:
		parts := make([]string, len(v.List))
		for i, x := range v.List {
			parts[i] = x.String()
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case ValDict:
		parts := make([]string, len(v.Keys))
		for i := range v.Keys {
			parts[i] = v.Keys[i].String() + ": " + v.Elems[i].String()
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case ValExpr:
		return "<" + v.Str + ">"
	}
	return v.Str
}
