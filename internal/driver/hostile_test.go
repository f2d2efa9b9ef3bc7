package driver_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileFlow is a valid flow with a hole for a flow decorator (FLOWDECO), a class attribute
// (ATTR), a step decorator (STEPDECO) and start's foreach (FOREACH).
const hostileFlow = `from metaflow import *


FLOWDECO
class HostileFlow(FlowSpec):
    ATTR

    STEPDECO
    @step
    def start(self):
        self.items = [1]
        self.next(self.body, FOREACH)

    @step
    def body(self):
        self.next(self.join)

    @step
    def join(self, inputs):
        self.next(self.end)

    @step
    def end(self):
        pass
`

// TestHostileInput is the table of hostile input: each case fills one hole of hostileFlow (or
// names the file) and must give exactly the diagnostics listed, with their positions.
func TestHostileInput(t *testing.T) {
	tests := []struct {
		name, file, hole, fill string
		want                   []string // diagnostics without the file name
	}{
		{"template in foreach", "", "FOREACH", `foreach="{{workflow.name}}"`,
			[]string{`12:30: error: foreach in step "start" must name an attribute of the step, not "{{workflow.name}}" [invalid-transition]`}},
		{"template in file name", "a{{b}}.py", "", "",
			[]string{`5:7: error: the flow's file cannot go into an image: file name "a{{b}}.py" holds braces that Argo would read as a template; rename the file [template-syntax]`}},
		{"flag as parameter", "", "ATTR", `out = Parameter("--out")`,
			[]string{`6:21: error: parameter name "--out" must start with a letter or "_": the step's command line would read it as an option [parameter]`}},
		{"short flag as parameter", "", "ATTR", `x = Parameter("-x", default=1)`,
			[]string{`6:19: error: parameter name "-x" must start with a letter or "_": the step's command line would read it as an option [parameter]`}},
		{"env name with a space", "", "STEPDECO", `@environment(vars={"A B": "1"})`,
			[]string{`8:18: error: @environment vars: "A B" is not an environment variable name (letters, digits and '_', not starting with a digit) [decorator]`}},
		{"retry past int32", "", "STEPDECO", `@retry(times=2147483648)`,
			[]string{`8:12: error: @retry times must be at most 2147483647 (Argo reads it as a 32-bit integer), not 2147483648 [decorator]`}},
		{"timeout sum past int32", "", "STEPDECO", `@timeout(hours=596523, minutes=60)`,
			[]string{`8:5: error: @timeout is longer than Argo's deadline can be: at most 2147483647 seconds (about 68 years) [decorator]`}},
		{"empty project branch", "", "FLOWDECO", `@project(name="p", branch="")`,
			[]string{`4:20: error: @project branch is empty [decorator]`}},
		{"every zero", "", "FLOWDECO", `@schedule(cron="@every 0s")`,
			[]string{`4:11: error: @schedule cron "@every 0s" is not a schedule Argo accepts: @every takes a duration of at least 1s [decorator]`}},
		{"cron year", "", "FLOWDECO", `@schedule(cron="0 1 * * ? 2030")`,
			[]string{`4:11: error: @schedule cron "0 1 * * ? 2030" is not a schedule Argo accepts: the sixth (year) field "2030" cannot be kept: Argo's cron has five fields, so only "*" (every year) is accepted there [decorator]`}},
		{"unknown time zone", "", "FLOWDECO", `@schedule(daily=True, timezone="Mars/Olympus")`,
			[]string{`4:23: error: @schedule timezone "Mars/Olympus" is not a time zone name such as "Europe/Berlin" [decorator]`}},
		{"toleration operator", "", "STEPDECO", `@kubernetes(tolerations=[{"key": "k", "operator": "In"}])`,
			[]string{`8:17: error: @kubernetes tolerations: operator must be "Equal" or "Exists", not "In" [decorator]`}},
		{"gpu vendor", "", "STEPDECO", `@kubernetes(gpu_vendor="intel")`,
			[]string{`8:17: error: @kubernetes gpu_vendor must be "nvidia" or "amd", not "intel" [decorator]`}},
		{"unknown character name", "", "ATTR", `x = Parameter("x", default="\N{NO SUCH}")`,
			[]string{`6:33: error: unknown Unicode character name "NO SUCH" in \N{...} [syntax]`}},
		{"million unary minus", "", "ATTR", "x = " + strings.Repeat("-", 1_000_000) + "1",
			[]string{`6:208: error: expression nested too deeply (flowc reads at most 200 operators, calls and attributes in one operand; split it into smaller expressions) [syntax]`}},
		{"nested parentheses", "", "ATTR", "x = " + strings.Repeat("(", 1000) + strings.Repeat(")", 1000),
			[]string{`6:209: error: too many nested parentheses (flowc reads at most 200, as CPython does) [syntax]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := hostileFlow
			for _, hole := range []string{"FLOWDECO", "ATTR", "STEPDECO", "FOREACH"} {
				fill := map[bool]string{true: tt.fill, false: map[string]string{"FOREACH": `foreach="items"`}[hole]}[hole == tt.hole]
				src = strings.Replace(src, hole, fill, 1)
			}
			file := tt.file
			if file == "" {
				file = "flow.py"
			}
			dir := t.TempDir()
			path := filepath.Join(dir, file)
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range diagnose(path) {
				got = append(got, strings.ReplaceAll(strings.TrimPrefix(d.String(), filepath.ToSlash(path)+":"), filepath.ToSlash(dir)+"/", ""))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
