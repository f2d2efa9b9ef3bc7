package kube

import (
	"encoding/json"
	"reflect"
	"testing"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

// A Workflow's status as Argo v4.0.5 writes it: a DAG node, a Retry node and its two attempts.
const retryStatus = `{"status": {"phase": "Running", "nodes": {
  "wf": {"name": "wf", "displayName": "wf", "type": "DAG", "phase": "Running"},
  "wf-1": {"name": "wf.start", "displayName": "start", "type": "Retry", "phase": "Running"},
  "wf-2": {"name": "wf.start(0)", "displayName": "start(0)", "type": "Pod", "phase": "Failed",
           "message": "Error (exit code 1)", "startedAt": "2026-12-01T10:00:00Z"},
  "wf-3": {"name": "wf.start(1)", "displayName": "start(1)", "type": "Pod", "phase": "Running",
           "startedAt": "2026-12-01T10:00:05Z"}}}}`

func TestStepsAreThePodNodes(t *testing.T) {
	var obj map[string]any
	if err := json.Unmarshal([]byte(retryStatus), &obj); err != nil {
		t.Fatal(err)
	}
	got := steps(&unstructured.Unstructured{Object: obj})
	want := []Step{
		{Name: "start(0)", Node: "wf.start(0)", Phase: "Failed", Message: "Error (exit code 1)", Started: "2026-12-01T10:00:00Z"},
		{Name: "start(1)", Node: "wf.start(1)", Phase: "Running", Started: "2026-12-01T10:00:05Z"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("steps:\n got %+v\nwant %+v", got, want)
	}
	if !got[0].Failed() || got[1].Failed() {
		t.Errorf("Failed() wrong: %v %v", got[0].Failed(), got[1].Failed())
	}
}

func TestChangedSteps(t *testing.T) {
	before := []Step{{Node: "a", Phase: "Running"}, {Node: "b", Phase: "Pending"}}
	now := []Step{{Node: "a", Phase: "Running"}, {Node: "b", Phase: "Running"}, {Node: "c", Phase: "Pending"}}
	got := changed(before, now)
	want := []Step{{Node: "b", Phase: "Running"}, {Node: "c", Phase: "Pending"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("changed: got %+v, want %+v", got, want)
	}
	if len(changed(now, now)) != 0 {
		t.Error("nothing changed, but changed reported steps")
	}
}
