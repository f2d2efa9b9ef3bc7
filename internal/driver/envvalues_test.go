package driver_test

import (
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/flowc-dev/flowc/internal/driver"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// TestEnvValuesReachTheProcessExactly compiles testdata/python/env_values and follows each
// @environment value the way a pod gets it (client-go's YAML decoder, then the kubelet's $(VAR)
// expansion) and the way flowc run passes it: both must be Python's str() of the literal.
func TestEnvValuesReachTheProcessExactly(t *testing.T) {
	want := map[string]string{
		"DOLLAR": "$(HOME)", "DOLLARS": "a$$b$", "FLOAT": "1.0", "SMALL": "1e-05", "BIG": "1e+16",
		"BOOL": "True", "INT": "10", "STR_FLOAT": "1.0", "STR_TRUE": "True", "PLUS_INF": "+.inf",
		"UNDERSCORE": "1_000", "NEL": "a\u0085b", "PARAGRAPH": "a\u2029b", "BULLET": "\u2022 item",
		"BACKSLASH_N": `\N{BULLET}`,
	}
	flows, diags := driver.Load([]string{filepath.Join("..", "..", "testdata", "python", "env_values")})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	out, diags := driver.Compile(flows[0], testOptions())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	yml := strings.SplitN(string(out.Files[out.Name+".yaml"]), "---\n", 3)[1]
	var wf struct {
		Spec struct {
			Templates []struct {
				Name      string
				Container *struct {
					Env []struct{ Name, Value string }
				}
			}
		}
	}
	if err := yaml.Unmarshal([]byte(yml), &wf); err != nil {
		t.Fatal(err)
	}
	pod := map[string]string{}
	for _, tpl := range wf.Spec.Templates {
		if tpl.Name == "start" {
			for _, e := range tpl.Container.Env {
				if !strings.HasPrefix(e.Name, "FLOWC_") { // the step protocol's own, set per pod
					pod[e.Name] = kubeletExpand(e.Value)
				}
			}
		}
	}
	local := map[string]string{}
	for _, e := range stepcmd.Env(flows[0].IR, flows[0].IR.Step("start")) {
		local[e.Name] = e.Value
	}
	for name, w := range want {
		if pod[name] != w || local[name] != w {
			t.Errorf("%s: the pod gets %q, flowc run passes %q, want %q", name, pod[name], local[name], w)
		}
	}
	if len(pod) != len(want) || len(local) != len(want) {
		t.Errorf("pod env %v, local env %v, want %d variables", pod, local, len(want))
	}
}

// kubeletExpand is the kubelet's expansion of a container's env values, command and args
// (k8s.io/kubernetes third_party/forked/golang/expansion): $$ is $, $(NAME) is the variable's
// value when it is defined (HOME is, in every pod), and any other $ stays.
func kubeletExpand(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		switch s[i+1] {
		case '$':
			b.WriteByte('$')
			i++
		case '(':
			end := strings.IndexByte(s[i:], ')')
			if end < 0 {
				b.WriteString(s[i:])
				return b.String()
			}
			b.WriteString("/root") // the value of every referenced variable, for this test
			i += end
		default:
			b.WriteByte('$')
		}
	}
	return b.String()
}
