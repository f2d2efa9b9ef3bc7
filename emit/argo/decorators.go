package argo

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/internal/stepcmd"
)

// Metaflow's default wait between retries.
const defaultRetryMinutes = 2

// applyDecorators maps a step's decorators onto its container template, where Argo and
// Kubernetes read each setting. The checks have validated every value.
func (e *emitter) applyDecorators(s *ir.Step, t *Template) {
	c := t.Container
	e.applyResources(s, c)
	if d := s.Decorator("kubernetes"); d != nil {
		if v, ok := str(d, "image"); ok {
			c.Image = v
		}
		if v, ok := str(d, "image_pull_policy"); ok {
			c.ImagePullPolicy = v
		}
		if v, ok := str(d, "service_account"); ok {
			t.ServiceAccountName = v
		}
		e.addSecrets(c, d.Arg("secrets"))
		t.NodeSelector = selectorOf(d.Arg("node_selector"))
		t.Tolerations = tolerationsOf(d.Arg("tolerations"))
		for k, v := range stringMap(d.Arg("labels")) {
			t.Metadata.Labels[k] = v
		}
		if a := stringMap(d.Arg("annotations")); len(a) > 0 {
			t.Metadata.Annotations = a
		}
	}
	if d := s.Decorator("secrets"); d != nil {
		e.addSecrets(c, d.Arg("sources"))
	}
	for _, v := range append(stepcmd.Env(e.f, s), stepcmd.PodEnv(s)...) {
		c.Env = append(c.Env, EnvVar{Name: v.Name, Value: kubeLiteral(v.Value)})
	}
	if d := s.Decorator("retry"); d != nil {
		times, minutes := stepcmd.Retries(d), intArg(d, "minutes_between_retries", defaultRetryMinutes)
		if times > 0 {
			t.RetryStrategy = &RetryStrategy{Limit: times, RetryPolicy: "Always"}
			if minutes > 0 {
				t.RetryStrategy.Backoff = &Backoff{Duration: fmt.Sprintf("%dm", minutes)}
			}
		}
	}
	if d := s.Decorator("timeout"); d != nil {
		t.ActiveDeadlineSeconds = stepcmd.Deadline(s)
	}
}

// applyResources sets requests from @resources and @kubernetes, taking the larger where both
// give a value, as Metaflow does; a GPU count is a limit, which Kubernetes requires for GPUs.
func (e *emitter) applyResources(s *ir.Step, c *Container) {
	req := map[string]string{}
	lim := map[string]string{}
	vendor := "nvidia.com/gpu"
	for _, name := range []string{"resources", "kubernetes"} {
		d := s.Decorator(name)
		if d == nil {
			continue
		}
		for _, r := range []struct{ arg, key, unit string }{
			{"cpu", "cpu", ir.CPUUnit}, {"memory", "memory", ir.MemoryUnit}, {"disk", "ephemeral-storage", ir.MemoryUnit},
		} {
			if a := d.Arg(r.arg); a != nil {
				if q, ok := ir.Quantity(a.Value, r.unit); ok {
					req[r.key] = larger(req[r.key], q)
				}
			}
		}
		if v, ok := str(d, "gpu_vendor"); ok && strings.EqualFold(v, "amd") {
			vendor = "amd.com/gpu"
		}
		if n := intArg(d, "gpu", 0); n > 0 {
			lim["gpu"] = larger(lim["gpu"], fmt.Sprint(n))
		}
	}
	if g, ok := lim["gpu"]; ok {
		delete(lim, "gpu")
		lim[vendor] = g
	}
	if len(req) > 0 || len(lim) > 0 {
		c.Resources = &Resources{Requests: nonEmpty(req), Limits: nonEmpty(lim)}
	}
}

// addSecrets loads every key of each named secret as environment variables.
func (e *emitter) addSecrets(c *Container, a *ir.Arg) {
	for _, name := range stringList(a) {
		c.EnvFrom = append(c.EnvFrom, EnvFrom{SecretRef: &LocalObjectRef{Name: name}})
	}
}

// larger keeps the larger of two quantities of one resource; the first given wins a tie or an
// incomparable pair, so the result does not depend on map order.
func larger(a, b string) string {
	if a == "" {
		return b
	}
	if qa, qb := quantityValue(a), quantityValue(b); qb > qa {
		return b
	}
	return a
}

func nonEmpty(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	return m
}

func selectorOf(a *ir.Arg) map[string]string {
	if a == nil {
		return nil
	}
	if a.Value.Kind == ir.ValString {
		out := map[string]string{}
		for _, kv := range strings.Split(a.Value.Str, ",") {
			if k, v, ok := strings.Cut(strings.TrimSpace(kv), "="); ok {
				out[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
		return nonEmpty(out)
	}
	return nonEmpty(stringMap(a))
}

func tolerationsOf(a *ir.Arg) []Toleration {
	if a == nil || a.Value.Kind != ir.ValList {
		return nil
	}
	var out []Toleration
	for _, item := range a.Value.List {
		var t Toleration
		for i, k := range item.Keys {
			v := stepcmd.Plain(item.Elems[i])
			switch k.Str {
			case "key":
				t.Key = v
			case "operator":
				t.Operator = v
			case "value":
				t.Value = v
			case "effect":
				t.Effect = v
			case "tolerationSeconds":
				if e := item.Elems[i]; e.Kind == ir.ValInt {
					t.Seconds = &e.Int
				}
			}
		}
		out = append(out, t)
	}
	return out
}

// stringMap reads a dict literal of strings; the YAML writer sorts its keys.
func stringMap(a *ir.Arg) map[string]string {
	if a == nil || a.Value.Kind != ir.ValDict {
		return nil
	}
	out := map[string]string{}
	for i, k := range a.Value.Keys {
		out[k.Str] = stepcmd.Plain(a.Value.Elems[i])
	}
	return out
}

// stringList reads a string or a list of strings, sorted for a stable envFrom order.
func stringList(a *ir.Arg) []string {
	if a == nil {
		return nil
	}
	var out []string
	switch a.Value.Kind {
	case ir.ValString:
		out = []string{a.Value.Str}
	case ir.ValList:
		for _, v := range a.Value.List {
			out = append(out, v.Str)
		}
	}
	sort.Strings(out)
	return out
}

func str(d *ir.Decorator, name string) (string, bool) {
	if a := d.Arg(name); a != nil && a.Value.Kind == ir.ValString && a.Value.Str != "" {
		return a.Value.Str, true
	}
	return "", false
}

func intArg(d *ir.Decorator, name string, def int64) int64 {
	a := d.Arg(name)
	if a == nil {
		return def
	}
	switch a.Value.Kind {
	case ir.ValInt:
		return a.Value.Int
	case ir.ValString:
		var n int64
		if _, err := fmt.Sscan(a.Value.Str, &n); err == nil {
			return n
		}
	}
	return def
}

// quantitySuffixes scale a Kubernetes quantity's number.
var quantitySuffixes = map[string]float64{
	"": 1, "n": 1e-9, "u": 1e-6, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
	"Ki": 1 << 10, "Mi": 1 << 20, "Gi": 1 << 30, "Ti": 1 << 40, "Pi": 1 << 50, "Ei": 1 << 60,
}

// quantityValue is the size a quantity stands for, to compare two; 0 when it cannot tell.
func quantityValue(q string) float64 {
	i := strings.IndexFunc(q, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.' || r == '+' || r == '-') })
	if i < 0 {
		i = len(q)
	}
	var n float64
	if _, err := fmt.Sscan(q[:i], &n); err != nil {
		return 0
	}
	if mult, ok := quantitySuffixes[q[i:]]; ok {
		return n * mult
	}
	var exp float64
	if _, err := fmt.Sscanf(strings.ToLower(q[i:]), "e%g", &exp); err == nil {
		return n * math.Pow(10, exp)
	}
	return 0
}

// kubeLiteral escapes s for a container's env values and args, where the kubelet replaces
// $(NAME) with the variable's value and reduces $$ to $: with every $ doubled, the process gets
// exactly s, as flowc run passes it.
func kubeLiteral(s string) string { return strings.ReplaceAll(s, "$", "$$") }
