package cluster

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
)

// Cluster is a loaded kubeconfig context, with the flowc-kube process that talks to its API
// server. Close ends that process.
type Cluster struct {
	Info
	cmd    *exec.Cmd // nil in tests, which serve in process
	in     io.WriteCloser
	out    *json.Decoder
	mu     sync.Mutex // guards in: a cancel is written while a request waits for its answer
	nextID int
	broken error // set when the conversation broke off
}

// Load starts flowc-kube and has it read the kubeconfig with kubectl's rules: --kubeconfig,
// else the files of $KUBECONFIG (merged, first wins), else ~/.kube/config; then --context or
// the current context. Loading contacts no server.
func Load(f Flags) (*Cluster, error) {
	c, path, err := start(f.Warnings)
	if err != nil {
		return nil, err
	}
	if err := c.open(path, f); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// start starts flowc-kube, its stderr going to stderr (os.Stderr when nil), and checks its hello.
func start(stderr io.Writer) (*Cluster, string, error) {
	path, err := helper()
	if err != nil {
		return nil, "", err
	}
	cmd := exec.Command(path)
	cmd.Stderr = stderr
	if cmd.Stderr == nil {
		cmd.Stderr = os.Stderr // not the server's warnings, which Flags drops, but a crash's report
	}
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, "", err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", err
	}
	if err := cmd.Start(); err != nil {
		return nil, "", fmt.Errorf("cannot start %s: %v", path, err)
	}
	c := &Cluster{cmd: cmd, in: in, out: json.NewDecoder(out)}
	if err := c.hello(path); err != nil {
		c.Close()
		return nil, "", err
	}
	return c, path, nil
}

// hello checks that the other side is flowc-kube of this flowc's protocol.
func (c *Cluster) hello(path string) error {
	var h hello
	if err := c.out.Decode(&h); err != nil || h.Protocol != Protocol {
		return fmt.Errorf("%s is not the %s of this flowc (it speaks protocol %d, flowc %d): %s",
			path, HelperName, h.Protocol, Protocol, installHint())
	}
	return nil
}

// open loads the context (path names flowc-kube in messages).
func (c *Cluster) open(path string, f Flags) error {
	resp, err := c.call(context.Background(), request{Op: opLoad, Kubeconfig: f.Kubeconfig, Context: f.Context,
		Timeout: f.Timeout, Warnings: f.Warnings != nil}, nil)
	if err != nil {
		return err
	}
	if resp.Info == nil {
		return fmt.Errorf("%s answered a load without the context", HelperName)
	}
	c.Info = *resp.Info
	return nil
}

// Close ends the flowc-kube process. A nil Cluster has nothing to close.
func (c *Cluster) Close() error {
	if c == nil || c.in == nil {
		return nil
	}
	c.in.Close()
	if c.cmd == nil || c.cmd.Process == nil || c.cmd.ProcessState != nil {
		return nil
	}
	return c.cmd.Wait()
}

// ResolveNamespace picks where objects go: the -n flag, else the namespace they were compiled
// with (flowc.yaml), else the context's. A nil Cluster (no kubeconfig) falls back to "default".
func (c *Cluster) ResolveNamespace(flag, compiled string) string {
	switch {
	case flag != "":
		return flag
	case compiled != "":
		return compiled
	case c != nil:
		return c.Namespace
	}
	return "default"
}

// Apply server-side applies the objects of the multi-document YAML manifests in order, as
// field manager "flowc" with strict field validation; every kind is looked up first, so that a
// missing CRD fails before anything is written. The results are those of the objects applied
// before an error, if any.
func (c *Cluster) Apply(ctx context.Context, manifests [][]byte, o ApplyOptions) ([]Result, error) {
	ms := make([]string, len(manifests))
	for i, m := range manifests {
		ms[i] = string(m)
	}
	resp, err := c.call(ctx, request{Op: opApply, Manifests: ms, Apply: &o}, nil)
	return resp.Results, err
}

// Submit creates a Workflow that runs the WorkflowTemplate r.Template, and returns its name.
func (c *Cluster) Submit(ctx context.Context, r Run) (string, error) {
	resp, err := c.call(ctx, request{Op: opSubmit, Run: &r}, nil)
	return resp.Name, err
}

// Wait follows the Workflow name in namespace ns until its phase is final or ctx ends, and calls
// progress on every change of its phase or of a step's phase. On ctx's end it returns the last
// status and an error that is ctx.Err().
func (c *Cluster) Wait(ctx context.Context, ns, name string, progress func(Status)) (Status, error) {
	resp, err := c.call(ctx, request{Op: opWait, Namespace: ns, Name: name}, progress)
	if resp.Status == nil {
		return Status{}, err
	}
	return *resp.Status, err
}

// Pods lists the pods of the Workflow name in namespace ns, oldest first.
func (c *Cluster) Pods(ctx context.Context, ns, name string) ([]Pod, error) {
	resp, err := c.call(ctx, request{Op: opPods, Namespace: ns, Name: name}, nil)
	return resp.Pods, err
}

// Log reads the log of a pod's container; tail > 0 keeps only its last tail lines.
func (c *Cluster) Log(ctx context.Context, ns, pod, container string, tail int) ([]byte, error) {
	resp, err := c.call(ctx, request{Op: opLog, Namespace: ns, Pod: pod, Container: container, Tail: tail}, nil)
	return resp.Log, err
}
