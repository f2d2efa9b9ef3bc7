package driver_test

import (
	"strings"
	"testing"

	"github.com/flowc-dev/flowc/internal/driver"
)

// TestStepPackagesCoverImports: a third-party import warns that the image will not have it only
// when nothing declares any package; a step whose own @pypi or @conda names it gets its own
// image with it (Metaflow's helloconda test flow), so that import is not warned about.
func TestStepPackagesCoverImports(t *testing.T) {
	const steps = `
    @step
    def start(self):
        self.next(self.a, self.b)

    %s
    @step
    def a(self):
        import regex
        self.next(self.join)

    %s
    @step
    def b(self):
        import itsdangerous
        self.next(self.join)

    @step
    def join(self, inputs):
        self.next(self.end)

    @step
    def end(self):
        pass
`
	head := "from metaflow import FlowSpec, conda, pypi, step\n\n\nclass F(FlowSpec):"
	for _, c := range []struct {
		a, b string
		want []string // the modules warned about
	}{
		{`@conda(libraries={"regex": "2024.11.6"})`, `@pypi(packages={"itsdangerous": "2.2.0"})`, nil},
		{`@conda(libraries={"regex": "2024.11.6"})`, "", nil},
		{"", "", []string{"regex", "itsdangerous"}},
	} {
		src := head + strings.Replace(strings.Replace(steps, "%s", c.a, 1), "%s", c.b, 1)
		_, diags := driver.Compile(loadSource(t, src)[0], testOptions())
		var got []string
		for _, d := range diags {
			if m, ok := strings.CutPrefix(d.Message, "the flow imports "); ok {
				got = append(got, strings.Fields(m)[0][:len(strings.Fields(m)[0])-1])
			} else {
				t.Errorf("%s / %s: unexpected %v", c.a, c.b, d)
			}
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s / %s: warned about %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
