package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// flowcIn runs the CLI in this process from dir, as a user would from that directory (flowc.yaml
// is found from the working directory). Steps still run as Python processes; only flowc itself
// is shared, so no binary is built.
func flowcIn(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	t.Chdir(dir)
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// needPython skips a test that runs flows when there is no python3, and points flowc at the
// interpreter itself.
func needPython(t *testing.T) {
	t.Helper()
	python := pythonPath()
	if python == "" {
		t.Skip("python3 is needed to run flows")
	}
	t.Setenv("FLOWC_PYTHON", python)
}

var runLine = regexp.MustCompile(`(?m)^run (\S+) of \S+: state and logs in `)

// runID is the id flowc run printed first.
func runID(t *testing.T, stdout string) string {
	t.Helper()
	m := runLine.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no run id in the output:\n%s", stdout)
	}
	return m[1]
}

var taskOutputLine = regexp.MustCompile(`^\[[a-z_][a-z0-9_]*/[0-9.]+\] `)

// stepOutput is what the steps printed, the lines flowc prefixes with [step/task], sorted: tasks
// that run in parallel interleave their lines in any order.
func stepOutput(stdout string) []string {
	var lines []string
	for _, l := range strings.Split(stdout, "\n") {
		if taskOutputLine.MatchString(l) {
			lines = append(lines, strings.TrimRight(l, " "))
		}
	}
	sort.Strings(lines)
	return lines
}

// showJSON reads what `flowc show RUN STEP [ARTIFACT] -o json` prints, decoded.
func showJSON(t *testing.T, dir, runsDir string, what ...string) any {
	t.Helper()
	args := append([]string{"show", "--runs-dir", runsDir, "-o", "json"}, what...)
	out, errs, code := flowcIn(t, dir, args...)
	if code != 0 {
		t.Fatalf("flowc %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	var v any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("flowc %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return v
}

// sameJSON compares two decoded JSON values, printing both compactly when they differ.
func sameJSON(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		t.Errorf("%s = %s\nwant %s", what, g, w)
	}
}

// decode is a JSON literal, decoded the way showJSON decodes.
func decode(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("bad JSON in the test: %v: %s", err, s)
	}
	return v
}

func absPath(t *testing.T, parts ...string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(parts...))
	if err != nil {
		t.Fatal(err)
	}
	return p
}
