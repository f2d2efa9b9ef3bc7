package kube

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/rest"

	"github.com/flowc-dev/flowc/internal/cluster"
)

// Argo's names for a run's pods: the label naming the Workflow and the annotation naming the node.
const (
	workflowLabel      = "workflows.argoproj.io/workflow"
	nodeNameAnnotation = "workflows.argoproj.io/node-name"
	stepLabel          = "flowc.dev/step"
)

// Pod is one pod of a run.
type Pod = cluster.Pod

// Pods lists the pods of the Workflow name in namespace ns, oldest first.
func (c *Cluster) Pods(ctx context.Context, ns, name string) ([]Pod, error) {
	hc, err := rest.HTTPClientFor(c.config)
	if err != nil {
		return nil, err
	}
	dyn, err := dynamic.NewForConfigAndClient(c.config, hc)
	if err != nil {
		return nil, err
	}
	list, err := dyn.Resource(schema.GroupVersionResource{Version: "v1", Resource: "pods"}).Namespace(ns).
		List(ctx, metav1.ListOptions{LabelSelector: workflowLabel + "=" + name})
	if err != nil {
		return nil, c.podError(ctx, err, "list the pods of workflow."+argoGroup+"/"+name)
	}
	var out []Pod
	for _, p := range list.Items {
		out = append(out, Pod{Name: p.GetName(), Node: p.GetAnnotations()[nodeNameAnnotation],
			Step: p.GetLabels()[stepLabel], Created: p.GetCreationTimestamp().UTC().Format("2006-01-02T15:04:05Z")})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Created != out[j].Created {
			return out[i].Created < out[j].Created
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// Log reads the log of a pod's container; tail > 0 keeps only its last tail lines.
func (c *Cluster) Log(ctx context.Context, ns, pod, container string, tail int) ([]byte, error) {
	// dynamic.ConfigFor supplies the serializer a REST client needs (the log is plain text).
	cfg := dynamic.ConfigFor(c.config)
	cfg.GroupVersion, cfg.APIPath = nil, ""
	rc, err := rest.UnversionedRESTClientFor(cfg)
	if err != nil {
		return nil, err
	}
	req := rc.Get().AbsPath("/api/v1/namespaces", ns, "pods", pod, "log").Param("container", container)
	if tail > 0 {
		req = req.Param("tailLines", strconv.Itoa(tail))
	}
	data, err := req.Do(ctx).Raw()
	if err != nil {
		return nil, c.podError(ctx, err, "read the log of pod "+pod)
	}
	return data, nil
}

// podError explains a failed request about pods in one line.
func (c *Cluster) podError(ctx context.Context, err error, what string) error {
	var status apierrors.APIStatus
	if !errors.As(err, &status) {
		return c.unreachable(ctx, err)
	}
	return fmt.Errorf("cannot %s: %s", what, strings.Join(strings.Fields(status.Status().Message), " "))
}
