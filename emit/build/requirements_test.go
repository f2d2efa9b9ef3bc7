package build

import "testing"

// TestRequirement checks how one package of a decorator becomes a requirements.txt line, and
// that nothing but a package name and a version gets into the file (a pip option would).
func TestRequirement(t *testing.T) {
	cases := []struct {
		name, version string
		conda         bool
		line          string
		warn, err     bool
	}{
		{"pandas", "2.2.2", false, "pandas==2.2.2", false, false},
		{"pandas", "", false, "pandas", false, false},
		{"pyyaml", ">=6.0", false, "pyyaml>=6.0", false, false},
		{"numpy", ">=1.24, <2", false, "numpy>=1.24,<2", false, false},
		{"requests[socks]", "2.32.3", false, "requests[socks]==2.32.3", false, false},
		{"scipy", "1.11.*", true, "scipy==1.11.*", false, false},
		{"-r /etc/passwd", "", false, "", false, true},
		{"--index-url", "http://evil", false, "", false, true},
		{"pandas", "1.0\n--extra-index-url x", false, "", false, true},
		{"pandas", "1.0; os_name == 'nt'", false, "", false, true},
		{"cudatoolkit", "11.8", true, "", true, false},
		{"conda-forge::ffmpeg", "", true, "", true, false},
		{"numpy", "1.2|1.3", true, "", true, false},
		{"python", "3.11", true, "", true, false},
	}
	for _, c := range cases {
		line, warn, err := requirement(c.name, c.version, c.conda)
		if line != c.line || (warn != "") != c.warn || (err != "") != c.err {
			t.Errorf("requirement(%q, %q, conda=%v) = %q, warn %q, err %q; want %q, warn %v, err %v",
				c.name, c.version, c.conda, line, warn, err, c.line, c.warn, c.err)
		}
	}
}

// TestSameForAll checks that packages every step asks for alike go into the flow's image.
func TestSameForAll(t *testing.T) {
	r := Requirements{Steps: map[string][]string{"start": {"a==1"}, "end": {"a==1"}}}
	if got, ok := sameForAll(r, 2); !ok || len(got) != 1 || got[0] != "a==1" {
		t.Errorf("sameForAll = %v, %v", got, ok)
	}
	if _, ok := sameForAll(r, 3); ok {
		t.Error("a step without packages must keep the others apart")
	}
	r.Steps["end"] = []string{"a==2"}
	if _, ok := sameForAll(r, 2); ok {
		t.Error("different packages must give different images")
	}
}
