package driver

import (
	"encoding/json"
	"testing"
)

// TestConfigConversions checks config_expr's str(), int(), float() and bool() against what
// Python gives for the same values (python3 -c 'print(repr(str(x)))' and so on).
func TestConfigConversions(t *testing.T) {
	n := func(s string) any { return json.Number(s) }
	for _, c := range []struct {
		conv string
		in   any
		want any // a json.Number, string or bool; nil: an error
	}{
		{"str", n("5"), "5"}, {"str", n("0.5"), "0.5"}, {"str", n("1e20"), "1e+20"},
		{"str", n("0.0001"), "0.0001"}, {"str", n("0.00001"), "1e-05"}, {"str", n("123456789012345678"), "123456789012345678"},
		{"str", n("1234567890123456.5"), "1234567890123456.5"}, {"str", n("12345678901234567.0"), "1.2345678901234568e+16"},
		{"str", true, "True"}, {"str", nil, "None"}, {"str", "x y", "x y"},
		{"str", []any{n("1")}, nil}, {"str", map[string]any{}, nil},
		{"int", n("7"), n("7")}, {"int", n("-2.9"), n("-2")}, {"int", " 41 ", n("41")}, {"int", "1_000", n("1000")},
		{"int", true, n("1")}, {"int", "4.5", nil}, {"int", nil, nil}, {"int", n("1e300"), nil},
		{"float", n("2"), n("2.0")}, {"float", "0.25", n("0.25")}, {"float", " 3 ", n("3.0")}, {"float", false, n("0.0")},
		{"float", "x", nil}, {"float", nil, nil},
		{"bool", "", false}, {"bool", "False", true}, {"bool", n("0"), false}, {"bool", n("0.0"), false},
		{"bool", n("2"), true}, {"bool", nil, false}, {"bool", []any{}, false}, {"bool", map[string]any{"a": n("1")}, true},
	} {
		got, err := convert(c.in, c.conv)
		switch {
		case c.want == nil && err == nil:
			t.Errorf("%s(%#v) = %#v, want an error", c.conv, c.in, got)
		case c.want != nil && (err != nil || got != c.want):
			t.Errorf("%s(%#v) = %#v, %v; want %#v", c.conv, c.in, got, err, c.want)
		}
	}
}
