// Package kube is flowc's one door to a Kubernetes API server: it reads the kubeconfig as kubectl
// does, finds Argo's resources through discovery, server-side applies manifests, and creates and
// follows Workflows. Errors come back as one-line messages a user can act on.
//
// Only the flowc-kube program links this package (and client-go): flowc asks it over a pipe
// (internal/cluster), so that compile and the other commands do not pay for client-go's package
// initialisation at start-up.
package kube

import (
	"fmt"
	"io"
	"net"
	"sort"
	"strings"
	"time"

	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/flowc-dev/flowc/internal/cluster"
)

// FieldManager is the name flowc's applies and creates are recorded under in managedFields.
const FieldManager = "flowc"

// RequestTimeout bounds every request but watches; DialTimeout bounds connecting, so that an
// unreachable server fails within seconds instead of the operating system's minutes.
const (
	RequestTimeout = 10 * time.Second
	DialTimeout    = 5 * time.Second
)

// Flags are kubectl's connection flags; a Timeout of 0 means RequestTimeout.
type Flags = cluster.Flags

// Cluster is one kubeconfig context: where its API server is, who flowc is there, and which
// namespace the context names. Loading it contacts nothing.
type Cluster struct {
	cluster.Info
	timeout time.Duration
	config  *rest.Config
}

// Load reads the kubeconfig with kubectl's rules: --kubeconfig, else the files of $KUBECONFIG
// (merged, first wins), else ~/.kube/config; then --context or the current context. Inside a
// pod without a kubeconfig it uses the pod's service account, as kubectl does.
func Load(f Flags) (*Cluster, error) {
	rules := clientcmd.NewDefaultClientConfigLoadingRules()
	rules.ExplicitPath = f.Kubeconfig
	overrides := &clientcmd.ConfigOverrides{CurrentContext: f.Context}
	cc := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(rules, overrides)
	raw, err := cc.RawConfig()
	if err != nil {
		return nil, fmt.Errorf("cannot read the kubeconfig: %v", err)
	}
	name := raw.CurrentContext
	if f.Context != "" {
		name = f.Context
	}
	switch {
	case len(raw.Contexts) == 0 && f.Context == "":
		// Nothing configured: clientcmd falls back to the pod's service account, if any.
	case name == "":
		return nil, fmt.Errorf("the kubeconfig sets no current context: pass --context (it has %s)", contextNames(raw.Contexts))
	case raw.Contexts[name] == nil:
		return nil, fmt.Errorf("context %q is not in the kubeconfig (it has %s)", name, contextNames(raw.Contexts))
	}
	cfg, err := cc.ClientConfig()
	if clientcmd.IsEmptyConfig(err) {
		return nil, &NoConfigError{Looked: rules.GetLoadingPrecedence()}
	}
	if err != nil {
		return nil, fmt.Errorf("kubeconfig context %q: %v", name, oneLine(err))
	}
	ns, _, err := cc.Namespace()
	if err != nil || ns == "" {
		ns = "default"
	}
	c := &Cluster{Info: cluster.Info{Context: name, Server: cfg.Host, Namespace: ns}, timeout: f.Timeout, config: cfg}
	if c.timeout <= 0 {
		c.timeout = RequestTimeout
	}
	if ctx := raw.Contexts[name]; ctx != nil {
		c.User = ctx.AuthInfo
	}
	tune(cfg, c.timeout, f.Warnings)
	return c, nil
}

// NoConfigError is Load's error when there is no kubeconfig at all.
type NoConfigError = cluster.NoConfigError

// tune bounds the time of every request and of connecting, and routes the server's warnings.
func tune(cfg *rest.Config, timeout time.Duration, warnings io.Writer) {
	cfg.Timeout = timeout
	cfg.Dial = (&net.Dialer{Timeout: min(DialTimeout, timeout), KeepAlive: 30 * time.Second}).DialContext
	cfg.UserAgent = "flowc"
	// Discovery of a server with many groups takes a burst of requests; kubectl raises these too.
	cfg.QPS, cfg.Burst = 50, 100
	if warnings == nil {
		cfg.WarningHandler = rest.NoWarnings{}
	} else {
		cfg.WarningHandler = rest.NewWarningWriter(warnings, rest.WarningWriterOptions{Deduplicate: true})
	}
}

func contextNames[V any](m map[string]V) string {
	if len(m) == 0 {
		return "no contexts"
	}
	var names []string
	for n := range m {
		names = append(names, fmt.Sprintf("%q", n))
	}
	sort.Strings(names)
	return "contexts " + strings.Join(names, ", ")
}

// oneLine joins a multi-line error (clientcmd's aggregated validation errors) into one line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
