package kube

import (
	"sort"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"

	"github.com/flowc-dev/flowc/internal/cluster"
)

// Step is one pod of a run: a step, a foreach child or a retry attempt.
type Step = cluster.Step

// steps lists the Pod nodes of a Workflow's status, in the order they started.
func steps(obj *unstructured.Unstructured) []Step {
	nodes, _, _ := unstructured.NestedMap(obj.Object, "status", "nodes")
	var out []Step
	for _, v := range nodes {
		n, ok := v.(map[string]any)
		if !ok {
			continue
		}
		if t, _ := n["type"].(string); t != "Pod" {
			continue
		}
		str := func(k string) string { s, _ := n[k].(string); return s }
		out = append(out, Step{Name: str("displayName"), Node: str("name"), Phase: str("phase"),
			Message: str("message"), Started: str("startedAt")})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Started != out[j].Started {
			return out[i].Started < out[j].Started
		}
		return out[i].Node < out[j].Node
	})
	return out
}

// changed lists the steps of now whose phase differs from before (new steps included).
func changed(before, now []Step) []Step {
	was := map[string]string{}
	for _, s := range before {
		was[s.Node] = s.Phase
	}
	var out []Step
	for _, s := range now {
		if s.Phase != "" && was[s.Node] != s.Phase {
			out = append(out, s)
		}
	}
	return out
}
