package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// MaxPrinted caps the diagnostics printed as text; the rest are counted, as cmd/compile does.
const MaxPrinted = 10

// Printer writes diagnostics as text, one line each, optionally with a caret snippet under each.
type Printer struct {
	W      io.Writer
	Caret  bool                     // show the source line and a caret (for terminals)
	Source func(file string) []byte // reads a file for snippets; nil disables them
	cache  map[string][]string
}

// Print writes l, sorted, capped at MaxPrinted, and says how many were left out.
func (p *Printer) Print(l List) {
	l = l.Sorted()
	for i, d := range l {
		if i == MaxPrinted {
			fmt.Fprintf(p.W, "too many diagnostics: %d more not shown\n", len(l)-i)
			return
		}
		fmt.Fprintln(p.W, d.String())
		if p.Caret {
			p.snippet(d.Pos)
		}
		io.WriteString(p.W, d.FollowOn())
	}
}

// FollowOn is what prints under a diagnostic's line, each line ending in a newline: its notes
// ("\tfile:line:col: note: ..."), then its suggestion ("\thelp: ...").
func (d Diagnostic) FollowOn() string {
	var b strings.Builder
	for _, n := range d.Notes {
		fmt.Fprintf(&b, "\t%s: note: %s\n", n.Pos, n.Message)
	}
	if d.Suggestion != "" {
		fmt.Fprintf(&b, "\thelp: %s\n", d.Suggestion)
	}
	return b.String()
}

// snippet prints the line at pos with a caret under its column; tabs are kept so they align.
func (p *Printer) snippet(pos Pos) {
	if p.Source == nil || pos.Line < 1 {
		return
	}
	if p.cache == nil {
		p.cache = map[string][]string{}
	}
	lines, ok := p.cache[pos.File]
	if !ok {
		lines = strings.Split(string(p.Source(pos.File)), "\n")
		p.cache[pos.File] = lines
	}
	if pos.Line > len(lines) {
		return
	}
	line := strings.TrimRight(lines[pos.Line-1], "\r")
	fmt.Fprintf(p.W, "    %s\n", line)
	if pos.Col < 1 {
		return
	}
	// Col counts bytes; the pad counts characters, so the caret sits under the right one.
	var pad strings.Builder
	for _, r := range line[:min(pos.Col-1, len(line))] {
		if r == '\t' {
			pad.WriteByte('\t')
		} else {
			pad.WriteByte(' ')
		}
	}
	fmt.Fprintf(p.W, "    %s^\n", pad.String())
}

// jsonDiag is the machine form of a diagnostic.
type jsonDiag struct {
	File     string     `json:"file"`
	Line     int        `json:"line"`
	Col      int        `json:"col"`
	Severity string     `json:"severity"`
	Check    ID         `json:"check"`
	Message  string     `json:"message"`
	Notes    []jsonNote `json:"notes,omitempty"`
	// Suggestion is the fix, apart from the message, as esbuild and go/analysis keep it.
	Suggestion string `json:"suggestion,omitempty"`
}

type jsonNote struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

// WriteJSON writes all of l, sorted, as a JSON array.
func WriteJSON(w io.Writer, l List) error {
	out := []jsonDiag{}
	for _, d := range l.Sorted() {
		j := jsonDiag{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity.String(), Check: d.Check, Message: d.Message, Suggestion: d.Suggestion}
		for _, n := range d.Notes {
			j.Notes = append(j.Notes, jsonNote{n.Pos.File, n.Pos.Line, n.Pos.Col, n.Message})
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// Text is l in the printer's form, without snippets or cap: each diagnostic's line followed by
// its notes and suggestion. Goldens hold this form.
func (l List) Text() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
		b.WriteString(d.FollowOn())
	}
	return b.String()
}
