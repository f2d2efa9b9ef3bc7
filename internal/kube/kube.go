// Package kube is flowc's one door to a Kubernetes API server: it reads the kubeconfig as kubectl
// does, finds Argo's resources through discovery, server-side applies manifests, and creates and
// follows Workflows. Errors come back as one-line messages a user can act on.
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
)

// FieldManager is the name flowc's applies and creates are recorded under in managedFields.
const FieldManager = "flowc"

// RequestTimeout bounds every request but watches; DialTimeout bounds connecting, so that an
// unreachable server fails within seconds instead of the operating system's minutes.
const (
	RequestTimeout = 10 * time.Second
	DialTimeout    = 5 * time.Second
)

// Flags are kubectl's connection flags.
type Flags struct {
	Kubeconfig string        // --kubeconfig: this file instead of $KUBECONFIG and ~/.kube/config
	Context    string        // --context: this context instead of the current one
	Warnings   io.Writer     // where the server's warnings go; nil drops them
	Timeout    time.Duration // of one request; 0 means RequestTimeout
}

// Cluster is one kubeconfig context: where its API server is, who flowc is there, and which
// namespace the context names. Loading it contacts nothing.
type Cluster struct {
	Context   string // the context's name; "" for the in-cluster config of a pod
	Server    string // the API server's URL
	User      string // the kubeconfig user of the context, "" when unknown
	Namespace string // the context's namespace, else "default"
	timeout   time.Duration
	config    *rest.Config
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
	c := &Cluster{Context: name, Server: cfg.Host, Namespace: ns, timeout: f.Timeout, config: cfg}
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
type NoConfigError struct {
	Looked []string // the files looked for
}

func (e *NoConfigError) Error() string {
	return fmt.Sprintf("no kubeconfig found (looked for %s): set $KUBECONFIG, pass --kubeconfig, or create ~/.kube/config",
		strings.Join(e.Looked, ", "))
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

// String names the cluster in messages: its server and context.
func (c *Cluster) String() string {
	if c.Context == "" {
		return fmt.Sprintf("%s (in-cluster config)", c.Server)
	}
	return fmt.Sprintf("%s (context %q)", c.Server, c.Context)
}

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
