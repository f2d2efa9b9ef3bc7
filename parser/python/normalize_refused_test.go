package python

import (
	"strconv"
	"strings"
	"testing"
)

// TestRefused: what CPython refuses before parsing is an error at its place, and what it
// accepts (tabs used consistently, long literals in other bases, a declared UTF-8) is not.
func TestRefused(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"nul in a comment", "x = 1  # a\x00b\n", "1:11: a NUL byte"},
		{"latin-1 byte", "x = 'caf\xe9'\n", "1:9: byte 0xe9 is not UTF-8, which Python reads"},
		{"declared latin-1", "# -*- coding: latin-1 -*-\nx = 'caf\xe9'\n", "2:9: byte 0xe9 is not UTF-8: the file declares its encoding latin-1"},
		{"tab after spaces", "if x:\n    y = 1\n\tz = 2\n", "3:2: inconsistent use of tabs and spaces"},
		{"tab deeper by width only", "if x:\n        y = 1\n        if y:\n\t    z = 2\n", "4:6: inconsistent use of tabs and spaces"},
		{"long decimal int", "x = " + strings.Repeat("9", 4301) + "\n", "1:5: int literal of 4301 digits"},
		{"tabs throughout", "if x:\n\ty = 1\n\tif y:\n\t\tz = 2\n", ""},
		{"tab then spaces, consistent", "if x:\n\ty = 1\n\tif y:\n\t    z = 2\n", ""},
		{"tabs in a string and a continuation", "x = '''\n\t  a\n    b'''\ny = (1,\n\t2)\n", ""},
		{"int at the limit", "x = " + strings.Repeat("9", 4300) + "\n", ""},
		{"long hex and float", "x = 0x" + strings.Repeat("f", 5000) + "\ny = " + strings.Repeat("1", 5000) + ".0\n", ""},
		{"underscores do not count", "x = " + strings.Repeat("9_", 4299) + "9\n", ""},
		{"declared utf-8", "# coding: utf-8\nx = 'café'\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := newNormalizer([]byte(c.src))
			got := ""
			if u := n.limit(); u != nil {
				got = u.Construct
				if !strings.HasPrefix(c.want, strconv.Itoa(u.Line)+":"+strconv.Itoa(u.Col)+": ") && c.want != "" {
					t.Errorf("at %d:%d, want %s", u.Line, u.Col, c.want)
				}
			}
			want := c.want
			if i := strings.Index(want, ": "); i >= 0 {
				want = want[i+2:]
			}
			if (want == "") != (got == "") || !strings.HasPrefix(got, want) {
				t.Errorf("got %q\nwant %q", got, want)
			}
		})
	}
}
