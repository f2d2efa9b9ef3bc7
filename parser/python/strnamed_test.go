package python_test

import (
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/parser/python"
)

// TestStringLiteralValues checks that string literals reach the IR exactly as Python reads them,
// \N{...} escapes included, through a parameter default.
func TestStringLiteralValues(t *testing.T) {
	tests := []struct {
		literal, want string
	}{
		{`"\N{BULLET} item"`, "\u2022 item"},
		{`"\N{bullet}"`, "\u2022"},
		{`"\N{LATIN SMALL LETTER A WITH MACRON}\n"`, "\u0101\n"},
		{`"\N{GRINNING FACE}"`, "\U0001F600"},
		{`"\N{CJK UNIFIED IDEOGRAPH-4E00}"`, "\u4e00"},
		{`"\\N{BULLET}"`, `\N{BULLET}`},
		{`r"\N{BULLET}"`, `\N{BULLET}`},
		{`("a\x41\101\u0042" '\N{BULLET}' r"\q")`, "aAAB\u2022\\q"},
		{`"""x\
\N{BULLET}"""`, "x\u2022"},
		{`"1.0"`, "1.0"},
		{`"$(HOME)"`, "$(HOME)"},
	}
	for _, tt := range tests {
		src := "from metaflow import FlowSpec, Parameter, step\n\n\nclass F(FlowSpec):\n    p = Parameter(\"p\", default=" + tt.literal + ")\n" +
			"\n    @step\n    def start(self):\n        self.next(self.end)\n\n    @step\n    def end(self):\n        pass\n"
		flows, diags := python.ParseFile("f.py", []byte(src))
		if len(diags) > 0 || len(flows) != 1 {
			t.Errorf("%s: %v", tt.literal, diags)
			continue
		}
		if got := flows[0].Params[0].Default.Str; got != tt.want {
			t.Errorf("%s = %q, want %q", tt.literal, got, tt.want)
		}
	}
}

func TestUnknownCharacterName(t *testing.T) {
	src := "X = 1\nY = 'ab\\N{NO SUCH NAME}'\n"
	_, diags := python.ParseFile("f.py", []byte(src))
	want := `f.py:2:8: error: unknown Unicode character name "NO SUCH NAME" in \N{...} [syntax]`
	if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), want) {
		t.Errorf("got %v, want %s", diags, want)
	}
}
