package argo_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	yaml2 "go.yaml.in/yaml/v2"
	yaml3 "go.yaml.in/yaml/v3"
	"sigs.k8s.io/yaml"

	"github.com/flowc-dev/flowc/emit/argo"
)

// hostileStrings are values that a hand-written plain-scalar test got wrong or that YAML 1.1
// and 1.2 readers resolve differently.
var hostileStrings = []string{
	"+.inf", "-.Inf", ".NaN", "1_", "1__0", "0x1__0", "0b101", "0o17", "017", "1_000", "1:20",
	"190:20:30.15", "1e3", ".5", "+1", "0x_1", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
	"yes", "No", "ON", "off", "y", "N", "~", "null", "Null", "NULL", "true", "False", "", "=", "<<",
	"a\u0085b", "a\u2028b", "a\u2029b", "\u2029", "x\u0080", "\u009f", "\ufffe", "\uffff",
	"\ufeffa", "a\x00b", "\x7f", "a\tb", "\t", "\r", "a\r\nb", "a\nb", "\n", " lead", "trail ",
	"a: b", "a:", "- x", "-", "? x", "?", ":", ": x", "#x", "a #b", "@x", "%x", "!x", "&x", "*x",
	"|", ">", "'q", `"`, `\`, "`x", "{{x}}", "[a]", "{a: b}", "a, b", "a,b", "$(VAR)", "$$(VAR)",
	"\u00a0", "x\u00a0", "--out", "-x", "\U0001F600", "a\u200bb",
}

func TestMarshalRoundTripsHostileStrings(t *testing.T) {
	for _, s := range hostileStrings {
		roundTrip(t, s)
	}
}

func TestMarshalKeepsLongStringsOnOneLine(t *testing.T) {
	for _, s := range []string{strings.Repeat("{{workflow.name}} ", 40), strings.Repeat("a: b ", 100) + "\u2029"} {
		out := string(marshal(t, s))
		if strings.Count(out, "\n") != strings.Count(string(marshal(t, "x")), "\n") {
			t.Errorf("a long string was wrapped:\n%s", out)
		}
		roundTrip(t, s)
	}
}

func TestMarshalRefusesInvalidUTF8(t *testing.T) {
	_, err := argo.Marshal([]argo.Object{object("a\xffb")})
	if err == nil || !strings.Contains(err.Error(), "not valid UTF-8") {
		t.Fatalf("err = %v, want a not valid UTF-8 error", err)
	}
}

// FuzzMarshalRoundTrip writes a string as a key, a value, a flow-sequence element and a block
// sequence element, and requires that client-go's decoder (sigs.k8s.io/yaml), a YAML 1.1
// decoder (go.yaml.in/yaml/v2) and a YAML 1.2 decoder (go.yaml.in/yaml/v3) all read it back
// exactly.
func FuzzMarshalRoundTrip(f *testing.F) {
	for _, s := range hostileStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || utf8.RuneCountInString(s) > 1024 {
			return
		}
		roundTrip(t, s)
	})
}

// object puts s into every position the writer treats differently.
func object(s string) argo.Object {
	return objectKeyed(s, s)
}

// objectKeyed is object with key as the label key beside "k".
func objectKeyed(s, key string) argo.Object {
	return argo.Object{
		APIVersion: "v1",
		Kind:       "Test",
		Metadata:   argo.Metadata{Name: s, Labels: map[string]string{key: s, "k": s}},
		Spec: &argo.WorkflowSpec{Templates: []*argo.Template{{
			Name:      s,
			Metadata:  &argo.TemplateMeta{Labels: map[string]string{key: s}},
			Inputs:    &argo.Inputs{Artifacts: []argo.Artifact{{Name: s, Path: s, S3: &argo.Key{Key: s}}}},
			Container: &argo.Container{Image: s, Command: []string{s, "x", s}, Args: []string{s, s}},
		}, {
			Name: "d",
			DAG:  &argo.DAG{Tasks: []*argo.Task{{Name: s, Template: s, Depends: s}}},
		}}},
	}
}

// marshal writes object(s). A key whose escaped form passes what YAML readers take as a key is
// refused; then s must be long, and it is written again with a short key.
func marshal(t *testing.T, s string) []byte {
	t.Helper()
	out, err := argo.Marshal([]argo.Object{object(s)})
	if err != nil && strings.Contains(err.Error(), "is too long") && utf8.RuneCountInString(s) > 100 {
		out, err = argo.Marshal([]argo.Object{objectKeyed(s, "k2")})
	}
	if err != nil {
		t.Fatalf("Marshal(%q): %v", s, err)
	}
	return out
}

func roundTrip(t *testing.T, s string) {
	t.Helper()
	out := marshal(t, s)
	doc := strings.TrimPrefix(string(out), "---\n")
	var k8s map[string]any
	if err := yaml.UnmarshalStrict([]byte(doc), &k8s); err != nil {
		t.Fatalf("sigs.k8s.io/yaml cannot read the writer's output for %q: %v\n%s", s, err, out)
	}
	check(t, "sigs.k8s.io/yaml", s, k8s, out)
	var v2 map[string]any
	if err := yaml2.Unmarshal([]byte(doc), &v2); err != nil {
		t.Fatalf("yaml v2 cannot read the writer's output for %q: %v\n%s", s, err, out)
	}
	check(t, "yaml v2", s, normalise(v2), out)
	var v3 map[string]any
	if err := yaml3.Unmarshal([]byte(doc), &v3); err != nil {
		t.Fatalf("yaml v3 cannot read the writer's output for %q: %v\n%s", s, err, out)
	}
	check(t, "yaml v3", s, v3, out)
}

// check compares every position of the decoded document with s.
func check(t *testing.T, reader, s string, doc map[string]any, out []byte) {
	t.Helper()
	meta, _ := doc["metadata"].(map[string]any)
	labels, _ := meta["labels"].(map[string]any)
	if _, long := labels["k2"]; long {
		labels[s] = labels["k2"]
		delete(labels, "k2")
	}
	tmpl, _ := index(doc["spec"], "templates", 0).(map[string]any)
	ctr, _ := tmpl["container"].(map[string]any)
	podLabels, _ := index(tmpl, "metadata", -1).(map[string]any)["labels"].(map[string]any)
	if _, long := podLabels["k2"]; long {
		podLabels[s] = podLabels["k2"]
	}
	art, _ := index(tmpl["inputs"], "artifacts", 0).(map[string]any)
	task, _ := index(index(doc["spec"], "templates", 1).(map[string]any)["dag"], "tasks", 0).(map[string]any)
	got := []any{meta["name"], labels[s], labels["k"], tmpl["name"], ctr["image"],
		index(ctr, "command", 0), index(ctr, "command", 2), index(ctr, "args", 0), index(ctr, "args", 1),
		podLabels[s], art["name"], art["path"], index(art, "s3", -1).(map[string]any)["key"],
		task["name"], task["template"], task["depends"]}
	for i, g := range got {
		if s == "" && (i == 0 || i == 4 || i == 15) {
			continue // omitempty: metadata.name, image, a task's depends
		}
		if g != s {
			t.Fatalf("%s read position %d of %q as %#v\n%s", reader, i, s, g, out)
		}
	}
	if len(labels) != 2 && s != "k" {
		t.Fatalf("%s read labels of %q as %#v\n%s", reader, s, labels, out)
	}
}

// index is v[key][i], or v[key] when i is -1; nil or an empty map where there is none.
func index(v any, key string, i int) any {
	m, _ := v.(map[string]any)
	if i < 0 {
		if sub, ok := m[key].(map[string]any); ok {
			return sub
		}
		return map[string]any{}
	}
	l, _ := m[key].([]any)
	if i >= len(l) {
		return nil
	}
	return l[i]
}

// normalise turns yaml v2's map[interface{}]interface{} into map[string]any; a non-string key
// stays out, so a key read as another type fails the comparison.
func normalise(v any) map[string]any {
	return normaliseValue(v).(map[string]any)
}

func normaliseValue(v any) any {
	switch x := v.(type) {
	case map[any]any:
		m := map[string]any{}
		for k, e := range x {
			if ks, ok := k.(string); ok {
				m[ks] = normaliseValue(e)
			}
		}
		return m
	case map[string]any:
		m := map[string]any{}
		for k, e := range x {
			m[k] = normaliseValue(e)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = normaliseValue(e)
		}
		return l
	}
	return v
}
