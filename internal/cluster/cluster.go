// Package cluster is flowc's side of the Kubernetes API: the connection flags, the types of what
// apply, submit and logs do, and a Cluster that has them done by the flowc-kube program.
//
// flowc itself links no Kubernetes client: client-go's package initialisation would cost every
// command (compile, check, run, version) a good part of its start-up. flowc-kube (cmd/flowc-kube,
// installed beside flowc) holds the client (internal/kube) and serves the requests of one flowc
// command over a pipe, in the protocol of wire.go.
package cluster

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Flags are kubectl's connection flags.
type Flags struct {
	Kubeconfig string        // --kubeconfig: this file instead of $KUBECONFIG and ~/.kube/config
	Context    string        // --context: this context instead of the current one
	Warnings   io.Writer     // where the server's warnings go; nil drops them
	Timeout    time.Duration // of one request; 0 means the client's default
}

// Info is one kubeconfig context: where its API server is, who flowc is there, and which
// namespace the context names.
type Info struct {
	Context   string `json:"context"`   // the context's name; "" for the in-cluster config of a pod
	Server    string `json:"server"`    // the API server's URL
	User      string `json:"user"`      // the kubeconfig user of the context, "" when unknown
	Namespace string `json:"namespace"` // the context's namespace, else "default"
}

// String names the cluster in messages: its server and context.
func (i Info) String() string {
	if i.Context == "" {
		return fmt.Sprintf("%s (in-cluster config)", i.Server)
	}
	return fmt.Sprintf("%s (context %q)", i.Server, i.Context)
}

// NoConfigError is Load's error when there is no kubeconfig at all.
type NoConfigError struct {
	Looked []string // the files looked for
}

func (e *NoConfigError) Error() string {
	return fmt.Sprintf("no kubeconfig found (looked for %s): set $KUBECONFIG, pass --kubeconfig, or create ~/.kube/config",
		strings.Join(e.Looked, ", "))
}

// ApplyOptions are the settings of one Apply.
type ApplyOptions struct {
	Namespace string `json:"namespace"` // where the objects go; it replaces the namespace they were compiled with
	DryRun    bool   `json:"dryRun"`    // a server dry run: validated and admitted, not stored
	Force     bool   `json:"force"`     // take over fields that another field manager owns
}

// Result is what applying one object did, as kubectl reports it.
type Result struct {
	Ref    string `json:"ref"`    // "workflowtemplate.argoproj.io/name"
	Action string `json:"action"` // "created", "configured" or "unchanged"
	DryRun bool   `json:"dryRun"`
}

// String is kubectl's report line: `workflowtemplate.argoproj.io/x created (server dry run)`.
func (r Result) String() string {
	if r.DryRun {
		return r.Ref + " " + r.Action + " (server dry run)"
	}
	return r.Ref + " " + r.Action
}

// Param is one parameter value of a run.
type Param struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Run is a Workflow to start from an applied WorkflowTemplate.
type Run struct {
	Namespace string  `json:"namespace"`
	Template  string  `json:"template"` // the WorkflowTemplate's name
	Params    []Param `json:"params"`   // only the values given; Argo fills in the template's defaults
}

// Status is a Workflow's phase (Pending, Running, Succeeded, Failed, Error) and message, and
// its steps' pods. Changed lists the steps whose phase changed since the previous report.
type Status struct {
	Phase   string `json:"phase"`
	Message string `json:"message"`
	Steps   []Step `json:"steps"`
	Changed []Step `json:"changed"`
}

// Done reports whether the phase is final.
func (s Status) Done() bool {
	return s.Phase == "Succeeded" || s.Phase == "Failed" || s.Phase == "Error"
}

// Step is one pod of a run: a step, a foreach child or a retry attempt, as Argo's status.nodes
// records it.
type Step struct {
	Name    string `json:"name"`    // the node's display name: "start", "body(0:a)", "flaky(1)"
	Node    string `json:"node"`    // the node's full name, which the pod's node-name annotation holds
	Phase   string `json:"phase"`   // Pending, Running, Succeeded, Failed, Error, Skipped, Omitted
	Message string `json:"message"` // why it failed, e.g. "Error (exit code 1)"
	Started string `json:"started"` // RFC 3339, for ordering
}

// Failed reports whether the step's pod failed.
func (s Step) Failed() bool { return s.Phase == "Failed" || s.Phase == "Error" }

// Pod is one pod of a run.
type Pod struct {
	Name    string `json:"name"`    // the pod's name
	Node    string `json:"node"`    // the Argo node it runs
	Step    string `json:"step"`    // its flowc.dev/step label: the step's template name
	Created string `json:"created"` // RFC 3339
}

// RefOf names an object as kubectl's reports do: lower-case kind, group, name.
func RefOf(apiVersion, kind, name string) string {
	group, _, found := strings.Cut(apiVersion, "/")
	if !found || group == "" {
		return strings.ToLower(kind) + "/" + name
	}
	return strings.ToLower(kind) + "." + group + "/" + name
}
