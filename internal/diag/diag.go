// Package diag owns source positions and diagnostics: what flowc tells a user about their flow.
// It imports nothing else of flowc.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a source file. Line and Col are 1-based; Col counts bytes.
// File is slash-separated, as the user named it.
type Pos struct {
	File string
	Line int
	Col  int
}

// IsValid reports whether p names a line.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats p as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Before reports whether p sorts before q: by file, line, then column.
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Severity says whether a diagnostic stops the compile.
type Severity int

// Severities, in the order they print.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Note points at a place related to a diagnostic.
type Note struct {
	Pos     Pos
	Message string
}

// Diagnostic is one problem found in a flow.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Check    ID     // stable check id, such as Cycle
	Message  string // what is wrong: lower case, no trailing period
	// Suggestion is how to fix it, when there is one thing to say: printed on a line of its own
	// ("\thelp: ..."), a field of its own in JSON. Same style as Message.
	Suggestion string
	Notes      []Note
}

// String is the one-line form used by CI and goldens: file:line:col: error: message [check].
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, d.Message, d.Check)
}

// Suggest returns d with a suggestion, formatted as fmt.Sprintf does.
func (d Diagnostic) Suggest(format string, args ...any) Diagnostic {
	d.Suggestion = fmt.Sprintf(format, args...)
	return d
}

// Errorf builds an error diagnostic.
func Errorf(pos Pos, check ID, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Error, Check: check, Message: fmt.Sprintf(format, args...)}
}

// Warningf builds a warning diagnostic.
func Warningf(pos Pos, check ID, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Warning, Check: check, Message: fmt.Sprintf(format, args...)}
}

// List is a set of diagnostics.
type List []Diagnostic

// HasErrors reports whether any diagnostic in l is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Sorted returns l ordered by position, then check and message, without exact duplicates.
func (l List) Sorted() List {
	out := append(List(nil), l...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Pos != b.Pos {
			return a.Pos.Before(b.Pos)
		}
		if a.Check != b.Check {
			return a.Check.name < b.Check.name
		}
		return a.Message < b.Message
	})
	dedup := out[:0]
	for i, d := range out {
		if i > 0 && d.Pos == out[i-1].Pos && d.Check == out[i-1].Check && d.Message == out[i-1].Message {
			continue
		}
		dedup = append(dedup, d)
	}
	return dedup
}

// String joins the one-line forms of l, one per line.
func (l List) String() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}
