package kube

import (
	"context"
	"fmt"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/rest"

	"github.com/flowc-dev/flowc/internal/cluster"
)

// How Wait follows a Workflow: one watch lasts at most watchSeconds before it is renewed; without
// watches, Wait polls every pollInterval.
const (
	watchSeconds = 300
	pollInterval = 2 * time.Second
)

// Status is a Workflow's phase and message, and its steps' pods.
type Status = cluster.Status

// Wait follows the Workflow name in namespace ns until its phase is final or ctx ends, and calls
// progress on every change of its phase or of a step's phase. It watches the Workflow and falls back to polling when the
// server refuses the watch. On ctx's end it returns the last status and ctx.Err().
func (c *Cluster) Wait(ctx context.Context, ns, name string, progress func(Status)) (Status, error) {
	cl, err := c.connect(ctx)
	if err != nil {
		return Status{}, err
	}
	ri, err := cl.resource(ctx, argoKind("Workflow"), ns)
	if err != nil {
		return Status{}, err
	}
	// A watch outlives RequestTimeout: it gets a client without it and ends by its own timeout.
	wcfg := rest.CopyConfig(c.config)
	wcfg.Timeout = 0
	wdyn, err := dynamic.NewForConfig(wcfg)
	if err != nil {
		return Status{}, err
	}
	wri, err := cl.resourceWith(ctx, wdyn, argoKind("Workflow"), ns)
	if err != nil {
		return Status{}, err
	}
	f := &follower{cl: cl, ri: ri, wri: wri, name: name, progress: progress}
	return f.run(ctx)
}

// follower keeps the state of one Wait.
type follower struct {
	cl       *client
	ri, wri  dynamic.ResourceInterface // wri: for watches
	name     string
	progress func(Status)
	last     Status
}

func (f *follower) run(ctx context.Context) (Status, error) {
	for {
		obj, err := f.get(ctx)
		if err != nil || f.last.Done() {
			return f.last, err
		}
		started := time.Now()
		w, err := f.wri.Watch(ctx, metav1.ListOptions{
			FieldSelector:   fields.OneTermEqualSelector("metadata.name", f.name).String(),
			ResourceVersion: obj.GetResourceVersion(),
			TimeoutSeconds:  ptr(int64(watchSeconds)),
		})
		if err != nil {
			if ctx.Err() != nil {
				return f.last, ctx.Err()
			}
			return f.poll(ctx)
		}
		done, err := f.follow(w)
		w.Stop()
		if done || err != nil {
			return f.last, err
		}
		// The watch ended: its timeout, a dropped connection, or an expired resourceVersion.
		// Read the Workflow again and watch anew, but not in a tight loop.
		if time.Since(started) < time.Second {
			if err := sleep(ctx, time.Second); err != nil {
				return f.last, err
			}
		}
	}
}

// follow reads one watch's events until the phase is final or the watch ends.
func (f *follower) follow(w watch.Interface) (done bool, err error) {
	for ev := range w.ResultChan() {
		switch ev.Type {
		case watch.Added, watch.Modified:
			if obj, ok := ev.Object.(*unstructured.Unstructured); ok && f.observe(obj) {
				return true, nil
			}
		case watch.Deleted:
			return false, fmt.Errorf("workflow.%s/%s was deleted while flowc waited for it", argoGroup, f.name)
		case watch.Error:
			return false, nil
		}
	}
	return false, nil
}

// poll reads the Workflow every pollInterval until its phase is final or ctx ends.
func (f *follower) poll(ctx context.Context) (Status, error) {
	for {
		if err := sleep(ctx, pollInterval); err != nil {
			return f.last, err
		}
		if _, err := f.get(ctx); err != nil || f.last.Done() {
			return f.last, err
		}
	}
}

// get reads the Workflow and observes its status.
func (f *follower) get(ctx context.Context) (*unstructured.Unstructured, error) {
	obj, err := f.ri.Get(ctx, f.name, metav1.GetOptions{})
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, f.cl.explain(ctx, err, "read", "workflow."+argoGroup+"/"+f.name)
	}
	f.observe(obj)
	return obj, nil
}

// observe records the Workflow's status, reports a new phase, and tells whether it is final.
func (f *follower) observe(obj *unstructured.Unstructured) bool {
	phase, _, _ := unstructured.NestedString(obj.Object, "status", "phase")
	msg, _, _ := unstructured.NestedString(obj.Object, "status", "message")
	st := Status{Phase: phase, Message: msg, Steps: steps(obj)}
	st.Changed = changed(f.last.Steps, st.Steps)
	if st.Phase != "" && (st.Phase != f.last.Phase || len(st.Changed) > 0) {
		f.progress(st)
	}
	f.last = st
	return st.Done()
}

// sleep waits for d or until ctx ends, whichever is first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func ptr[T any](v T) *T { return &v }
