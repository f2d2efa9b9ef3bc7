package kube

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/rest"
)

// Argo's API group and version, the one flowc emits.
const (
	argoGroup   = "argoproj.io"
	argoVersion = "v1alpha1"
)

// argoKind is the GroupVersionKind of one of Argo's kinds.
func argoKind(kind string) schema.GroupVersionKind {
	return schema.GroupVersionKind{Group: argoGroup, Version: argoVersion, Kind: kind}
}

// client is a live connection: the dynamic client and the kinds discovery found on the server.
type client struct {
	cluster *Cluster
	dyn     dynamic.Interface
	mapper  meta.RESTMapperWithContext
}

// connect reads the discovery document of Argo's API group version, flowc's first request, so
// that an unreachable server or rejected credentials fail here with a message naming the server
// and the context, and a missing CRD fails before anything is written. It asks for that one
// group version only, as discovery.ServerResourcesForGroupVersion does: client-go's discovery
// package would link the types of every built-in API into flowc.
func (c *Cluster) connect(ctx context.Context) (*client, error) {
	hc, err := rest.HTTPClientFor(c.config)
	if err != nil {
		return nil, fmt.Errorf("kubeconfig context %q: %v", c.Context, err)
	}
	cfg := dynamic.ConfigFor(c.config)
	cfg.GroupVersion, cfg.APIPath = nil, ""
	rc, err := rest.UnversionedRESTClientForConfigAndClient(cfg, hc)
	if err != nil {
		return nil, fmt.Errorf("kubeconfig context %q: %v", c.Context, err)
	}
	gv := schema.GroupVersion{Group: argoGroup, Version: argoVersion}
	mapper := meta.NewDefaultRESTMapper([]schema.GroupVersion{gv})
	raw, err := rc.Get().AbsPath("/apis", gv.Group, gv.Version).Do(ctx).Raw()
	switch {
	case apierrors.IsNotFound(err):
		// No such group version: no kind maps, and resource says which CRD is missing.
	case err != nil:
		return nil, c.unreachable(ctx, err)
	default:
		var list metav1.APIResourceList
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, fmt.Errorf("the API server at %s sent a bad discovery document for %s: %v", c, gv, err)
		}
		addResources(mapper, gv, list.APIResources)
	}
	return &client{cluster: c, dyn: dynamic.New(rc), mapper: meta.ToRESTMapperWithContext(mapper)}, nil
}

// addResources maps the kinds of a discovery document to their resources.
func addResources(m *meta.DefaultRESTMapper, gv schema.GroupVersion, rs []metav1.APIResource) {
	for _, r := range rs {
		if strings.Contains(r.Name, "/") { // a subresource, such as workflows/status
			continue
		}
		scope := meta.RESTScopeRoot
		if r.Namespaced {
			scope = meta.RESTScopeNamespace
		}
		m.AddSpecific(gv.WithKind(r.Kind), gv.WithResource(r.Name), gv.WithResource(r.SingularName), scope)
	}
}

// resource finds the REST resource of a kind in namespace ns; a kind the server does not serve
// means its CRD is missing.
func (cl *client) resource(ctx context.Context, gvk schema.GroupVersionKind, ns string) (dynamic.ResourceInterface, error) {
	return cl.resourceWith(ctx, cl.dyn, gvk, ns)
}

// resourceWith is resource through another dynamic client, such as one for watches.
func (cl *client) resourceWith(ctx context.Context, dyn dynamic.Interface, gvk schema.GroupVersionKind, ns string) (dynamic.ResourceInterface, error) {
	m, err := cl.mapper.RESTMappingWithContext(ctx, gvk.GroupKind(), gvk.Version)
	if meta.IsNoMatchError(err) {
		return nil, fmt.Errorf("the cluster has no %s %s resource: install Argo Workflows' CRDs", gvk.GroupVersion(), gvk.Kind)
	}
	if err != nil {
		return nil, err
	}
	if m.Scope.Name() == meta.RESTScopeNameNamespace {
		return dyn.Resource(m.Resource).Namespace(ns), nil
	}
	return dyn.Resource(m.Resource), nil
}

// explain turns the error of a request about ref ("workflowtemplate.argoproj.io/name") into one
// line that says what happened and what to do.
func (cl *client) explain(ctx context.Context, err error, action, ref string) error {
	var status apierrors.APIStatus
	if !errors.As(err, &status) {
		return cl.cluster.unreachable(ctx, err)
	}
	st := status.Status()
	switch {
	case apierrors.IsForbidden(err):
		msg := st.Message
		if _, after, ok := strings.Cut(msg, " is forbidden: "); ok {
			msg = after
		}
		return fmt.Errorf("cannot %s %s: forbidden: %s (context %q)", action, ref, msg, cl.cluster.Context)
	case apierrors.IsNotFound(err) && st.Details != nil && st.Details.Kind == "namespaces":
		return fmt.Errorf("cannot %s %s: namespace %q not found", action, ref, st.Details.Name)
	case apierrors.IsConflict(err) && conflicts(st) != "":
		return fmt.Errorf("cannot %s %s: %s; rerun with --force-conflicts to take these fields over",
			action, ref, conflicts(st))
	case apierrors.IsUnauthorized(err):
		return cl.cluster.unreachable(ctx, err)
	}
	return fmt.Errorf("cannot %s %s: %s", action, ref, strings.Join(strings.Fields(st.Message), " "))
}

// conflicts lists a server-side apply conflict's fields per field manager:
// `conflict with "kubectl" using argoproj.io/v1alpha1: .spec.entrypoint`.
func conflicts(st metav1.Status) string {
	if st.Details == nil {
		return ""
	}
	fields := map[string][]string{}
	for _, c := range st.Details.Causes {
		if c.Type == metav1.CauseTypeFieldManagerConflict {
			fields[c.Message] = append(fields[c.Message], c.Field)
		}
	}
	var parts []string
	for manager, fs := range fields {
		parts = append(parts, manager+": "+strings.Join(fs, ", "))
	}
	sort.Strings(parts) // the server's cause order is stable, but a map's is not
	return strings.Join(parts, "; ")
}

// unreachable explains an error of a request that got no API answer: no connection, no answer
// in time, a TLS problem, or credentials the server rejected.
func (c *Cluster) unreachable(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("stopped while talking to the API server at %s: %w", c, ctx.Err())
	}
	if apierrors.IsUnauthorized(err) {
		who := "the credentials"
		if c.User != "" {
			who = fmt.Sprintf("the credentials of kubeconfig user %q", c.User)
		}
		return fmt.Errorf("the API server at %s rejected %s (401 Unauthorized): log in again or fix the kubeconfig", c, who)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("cannot reach the API server at %s: no answer within %s", c, c.timeout)
		}
		err = ue.Err
	}
	return fmt.Errorf("cannot reach the API server at %s: %v", c, err)
}
