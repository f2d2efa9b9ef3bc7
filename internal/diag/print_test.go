package diag

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestPrinterCaret(t *testing.T) {
	src := "class F(FlowSpec):\n\tdef start(self):\n\t\tself.next(self.ed)\n"
	var buf bytes.Buffer
	p := &Printer{W: &buf, Caret: true, Source: func(string) []byte { return []byte(src) }}
	p.Print(List{suggested()})
	want := "f.py:3:13: error: unknown step \"ed\" in self.next [unknown-step]\n" +
		"    \t\tself.next(self.ed)\n" +
		"    \t\t          ^\n" +
		"\tf.py:2:6: note: in step \"start\"\n" +
		"\thelp: did you mean \"end\"?\n"
	if buf.String() != want {
		t.Errorf("got:\n%q\nwant:\n%q", buf.String(), want)
	}
}

func TestPrinterCaretAfterMultibyte(t *testing.T) {
	src := "x = \"🐍é\" + self.nope\n"
	var buf bytes.Buffer
	p := &Printer{W: &buf, Caret: true, Source: func(string) []byte { return []byte(src) }}
	p.Print(List{Errorf(Pos{File: "f.py", Line: 1, Col: strings.Index(src, "self") + 1}, Syntax, "here")})
	// "self" starts at byte 16 but is the 12th character: 11 spaces of pad.
	want := "f.py:1:16: error: here [syntax]\n" +
		"    x = \"🐍é\" + self.nope\n" +
		"               ^\n"
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestPrinterCapsAndSorts(t *testing.T) {
	var l List
	for i := 15; i >= 1; i-- {
		l = append(l, Errorf(Pos{File: "f.py", Line: i, Col: 1}, Cycle, "problem %d", i))
	}
	l = append(l, l[0]) // an exact duplicate is shown once
	var buf bytes.Buffer
	(&Printer{W: &buf}).Print(l)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != MaxPrinted+1 {
		t.Fatalf("%d lines:\n%s", len(lines), buf.String())
	}
	if lines[0] != "f.py:1:1: error: problem 1 [cycle]" {
		t.Errorf("first line %q", lines[0])
	}
	if want := fmt.Sprintf("too many diagnostics: %d more not shown", 15-MaxPrinted); lines[MaxPrinted] != want {
		t.Errorf("last line %q, want %q", lines[MaxPrinted], want)
	}
}

func TestJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, List{Warningf(Pos{File: "a.py", Line: 2, Col: 3}, Decorator, "unknown decorator @x is ignored")}); err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "file": "a.py",
    "line": 2,
    "col": 3,
    "severity": "warning",
    "check": "decorator",
    "message": "unknown decorator @x is ignored"
  }
]
`
	if buf.String() != want {
		t.Errorf("got:\n%s", buf.String())
	}
}

// suggested is a diagnostic with a note and a suggestion, as the printers must show both.
func suggested() Diagnostic {
	d := Errorf(Pos{File: "f.py", Line: 3, Col: 13}, UnknownStep, "unknown step %q in self.next", "ed").Suggest("did you mean %q?", "end")
	d.Notes = []Note{{Pos: Pos{File: "f.py", Line: 2, Col: 6}, Message: `in step "start"`}}
	return d
}

func TestJSONSuggestion(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, List{suggested()}); err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "file": "f.py",
    "line": 3,
    "col": 13,
    "severity": "error",
    "check": "unknown-step",
    "message": "unknown step \"ed\" in self.next",
    "notes": [
      {
        "file": "f.py",
        "line": 2,
        "col": 6,
        "message": "in step \"start\""
      }
    ],
    "suggestion": "did you mean \"end\"?"
  }
]
`
	if buf.String() != want {
		t.Errorf("got:\n%s", buf.String())
	}
}

func TestListText(t *testing.T) {
	l := List{suggested(), Warningf(Pos{File: "f.py", Line: 9, Col: 1}, Decorator, "unknown decorator @x is ignored")}
	want := "f.py:3:13: error: unknown step \"ed\" in self.next [unknown-step]\n" +
		"\tf.py:2:6: note: in step \"start\"\n" +
		"\thelp: did you mean \"end\"?\n" +
		"f.py:9:1: warning: unknown decorator @x is ignored [decorator]\n"
	if got := l.Text(); got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}
