// Command flowc-cluster is the helper behind hack/cluster/start.sh: the few things a shell
// script cannot do well without kubectl. It talks to the API server through client-go only.
//
//	flowc-cluster freeports N                       print N free TCP ports on 127.0.0.1
//	flowc-cluster keygen PRIVATE.pem PUBLIC.pem     RSA key pair for service-account tokens
//	flowc-cluster wait-url [-timeout D] URL         poll a plain-HTTP URL until it answers 200
//	flowc-cluster wait-ready [-timeout D]           poll /readyz until it answers "ok"
//	flowc-cluster namespace NAME...                 create namespaces (idempotent)
//	flowc-cluster install-crds [-timeout D] PATH... server-side apply CRD YAMLs, wait Established
//	flowc-cluster apply [-field-manager M] [-n NS] [-dry-run] FILE...
//	                                                server-side apply any manifests
//	flowc-cluster get [-n NS] [-o yaml] RESOURCE NAME  read an object (RESOURCE: plural[.group])
//
// The kubeconfig is the usual one ($KUBECONFIG, -kubeconfig), with -context to pick a context.
// Exit codes: 0 done, 1 failure, 2 usage, 3 forbidden (HTTP 403), 4 not found.
package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/restmapper"
	"k8s.io/client-go/tools/clientcmd"
	"sigs.k8s.io/yaml"
)

const (
	exitFail      = 1
	exitUsage     = 2
	exitForbidden = 3
	exitNotFound  = 4
)

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: flowc-cluster freeports|keygen|wait-url|wait-ready|namespace|install-crds|apply|get ...")
		os.Exit(exitUsage)
	}
	cmd, args := os.Args[1], os.Args[2:]
	var err error
	switch cmd {
	case "freeports":
		err = freeports(args)
	case "keygen":
		err = keygen(args)
	case "wait-url":
		err = waitURL(args)
	case "wait-ready":
		err = waitReady(args)
	case "namespace":
		err = namespaces(args)
	case "install-crds":
		err = installCRDs(args)
	case "apply":
		err = apply(args)
	case "get":
		err = get(args)
	default:
		err = usageError{"unknown command " + strconv.Quote(cmd)}
	}
	if err == nil {
		return
	}
	fmt.Fprintf(os.Stderr, "flowc-cluster %s: %v\n", cmd, err)
	var ue usageError
	switch {
	case errors.As(err, &ue):
		os.Exit(exitUsage)
	case apierrors.IsForbidden(err):
		os.Exit(exitForbidden)
	case apierrors.IsNotFound(err):
		os.Exit(exitNotFound)
	default:
		os.Exit(exitFail)
	}
}

// ---------------------------------------------------------------- local helpers

func freeports(args []string) error {
	if len(args) != 1 {
		return usageError{"want: freeports N"}
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 1 || n > 16 {
		return usageError{"N must be 1..16"}
	}
	// Hold all listeners open until every port is chosen, so the N ports differ.
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	var ports []string
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		ls = append(ls, l)
		ports = append(ports, strconv.Itoa(l.Addr().(*net.TCPAddr).Port))
	}
	fmt.Println(strings.Join(ports, " "))
	return nil
}

func keygen(args []string) error {
	if len(args) != 2 {
		return usageError{"want: keygen PRIVATE.pem PUBLIC.pem"}
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return err
	}
	pub, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return err
	}
	priv := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})
	if err := os.WriteFile(args[0], priv, 0o600); err != nil {
		return err
	}
	return os.WriteFile(args[1], pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pub}), 0o644)
}

func waitURL(args []string) error {
	fs := flag.NewFlagSet("wait-url", flag.ContinueOnError)
	timeout := fs.Duration("timeout", 60*time.Second, "give up after this long")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		return usageError{"want: wait-url [-timeout D] URL"}
	}
	deadline := time.Now().Add(*timeout)
	client := &http.Client{Timeout: 2 * time.Second}
	var last string
	for {
		resp, err := client.Get(fs.Arg(0))
		if err == nil {
			body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			last = resp.Status + ": " + strings.TrimSpace(string(body))
		} else {
			last = err.Error()
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s did not answer 200 within %v: %s", fs.Arg(0), *timeout, last)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// ---------------------------------------------------------------- cluster access

type conn struct {
	fs         *flag.FlagSet
	kubeconfig *string
	context    *string
	namespace  *string
	timeout    *time.Duration
}

func newConn(name string) *conn {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	return &conn{
		fs:         fs,
		kubeconfig: fs.String("kubeconfig", "", "kubeconfig file (default: $KUBECONFIG, ~/.kube/config)"),
		context:    fs.String("context", "", "kubeconfig context (default: the current context)"),
		namespace:  fs.String("n", "", "namespace (default: the context's)"),
		timeout:    fs.Duration("timeout", 60*time.Second, "give up after this long"),
	}
}

func (c *conn) parse(args []string) error {
	if err := c.fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	return nil
}

func (c *conn) loader() clientcmd.ClientConfig {
	rules := clientcmd.NewDefaultClientConfigLoadingRules()
	if *c.kubeconfig != "" {
		rules.ExplicitPath = *c.kubeconfig
	}
	over := &clientcmd.ConfigOverrides{CurrentContext: *c.context}
	if *c.namespace != "" {
		over.Context.Namespace = *c.namespace
	}
	return clientcmd.NewNonInteractiveDeferredLoadingClientConfig(rules, over)
}

// connect parses a command's flags and reads the REST configuration of the cluster they name.
func (c *conn) connect(args []string) (*rest.Config, error) {
	if err := c.parse(args); err != nil {
		return nil, err
	}
	cfg, err := c.loader().ClientConfig()
	if err != nil {
		return nil, err
	}
	cfg.QPS, cfg.Burst = 50, 100
	return cfg, nil
}

func (c *conn) ns() (string, error) {
	ns, _, err := c.loader().Namespace()
	return ns, err
}

func (c *conn) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), *c.timeout)
}

func waitReady(args []string) error {
	c := newConn("wait-ready")
	cfg, err := c.connect(args)
	if err != nil {
		return err
	}
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return err
	}
	ctx, cancel := c.ctx()
	defer cancel()
	var last string
	for {
		body, err := cs.Discovery().RESTClient().Get().AbsPath("/readyz").DoRaw(ctx)
		if err == nil && strings.TrimSpace(string(body)) == "ok" {
			return nil
		}
		if err != nil {
			last = err.Error()
		} else {
			last = string(body)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("API server not ready after %v: %s", *c.timeout, last)
		case <-time.After(250 * time.Millisecond):
		}
	}
}

func namespaces(args []string) error {
	c := newConn("namespace")
	cfg, err := c.connect(args)
	if err != nil {
		return err
	}
	dyn, err := dynamic.NewForConfig(cfg)
	if err != nil {
		return err
	}
	ctx, cancel := c.ctx()
	defer cancel()
	for _, name := range c.fs.Args() {
		js, err := json.Marshal(map[string]any{"apiVersion": "v1", "kind": "Namespace", "metadata": map[string]any{"name": name}})
		if err != nil {
			return err
		}
		_, err = dyn.Resource(schema.GroupVersionResource{Version: "v1", Resource: "namespaces"}).
			Patch(ctx, name, types.ApplyPatchType, js, metav1.PatchOptions{FieldManager: "flowc-cluster"})
		if err != nil {
			return fmt.Errorf("namespace %s: %w", name, err)
		}
	}
	return nil
}

var crdGVR = schema.GroupVersionResource{Group: "apiextensions.k8s.io", Version: "v1", Resource: "customresourcedefinitions"}

func installCRDs(args []string) error {
	c := newConn("install-crds")
	cfg, err := c.connect(args)
	if err != nil {
		return err
	}
	files, err := yamlFiles(c.fs.Args())
	if err != nil {
		return err
	}
	dyn, err := dynamic.NewForConfig(cfg)
	if err != nil {
		return err
	}
	ctx, cancel := c.ctx()
	defer cancel()
	// Sequentially: on 2 cores, applying the big CRDs in parallel measured no faster, and the
	// API server then took longer to establish them.
	var names []string
	for _, f := range files {
		t0 := time.Now()
		objs, err := readObjects(f)
		if err != nil {
			return err
		}
		parsed := time.Since(t0)
		for _, o := range objs {
			if o.GetKind() != "CustomResourceDefinition" {
				return fmt.Errorf("%s: %s %q is not a CustomResourceDefinition", f, o.GetKind(), o.GetName())
			}
			js, err := o.MarshalJSON()
			if err != nil {
				return err
			}
			t1 := time.Now()
			// Force: the Argo CRDs are ours to own in this throwaway cluster.
			force := true
			if _, err := dyn.Resource(crdGVR).Patch(ctx, o.GetName(), types.ApplyPatchType, js,
				metav1.PatchOptions{FieldManager: "flowc-cluster", Force: &force}); err != nil {
				return fmt.Errorf("%s: apply %s: %w", f, o.GetName(), err)
			}
			fmt.Printf("applied %s (%d bytes of JSON; read %v, apply %v)\n", o.GetName(), len(js),
				parsed.Round(time.Millisecond), time.Since(t1).Round(time.Millisecond))
			names = append(names, o.GetName())
		}
	}
	if len(names) == 0 {
		return fmt.Errorf("no CRDs found in %s", strings.Join(c.fs.Args(), " "))
	}
	t0 := time.Now()
	for _, n := range names {
		if err := waitEstablished(ctx, dyn, n); err != nil {
			return err
		}
		fmt.Printf("established %s after %v\n", n, time.Since(t0).Round(time.Millisecond))
	}
	return nil
}

func waitEstablished(ctx context.Context, dyn dynamic.Interface, name string) error {
	for {
		u, err := dyn.Resource(crdGVR).Get(ctx, name, metav1.GetOptions{})
		if err == nil {
			conds, _, _ := unstructured.NestedSlice(u.Object, "status", "conditions")
			for _, ci := range conds {
				cm, _ := ci.(map[string]any)
				if cm["type"] == "Established" && cm["status"] == "True" {
					return nil
				}
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("CRD %s not Established in time (last error: %v)", name, err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func apply(args []string) error {
	c := newConn("apply")
	manager := c.fs.String("field-manager", "flowc", "server-side apply field manager")
	dryRun := c.fs.Bool("dry-run", false, "server-side dry run (nothing is persisted)")
	force := c.fs.Bool("force-conflicts", false, "take over fields owned by other managers")
	cfg, err := c.connect(args)
	if err != nil {
		return err
	}
	files, err := yamlFiles(c.fs.Args())
	if err != nil {
		return err
	}
	defNS, err := c.ns()
	if err != nil {
		return err
	}
	dyn, mapper, err := clients(cfg)
	if err != nil {
		return err
	}
	ctx, cancel := c.ctx()
	defer cancel()
	opts := metav1.PatchOptions{FieldManager: *manager, Force: force}
	if *dryRun {
		opts.DryRun = []string{metav1.DryRunAll}
	}
	for _, f := range files {
		objs, err := readObjects(f)
		if err != nil {
			return err
		}
		for _, o := range objs {
			ri, err := resourceFor(dyn, mapper, o, defNS)
			if err != nil {
				return fmt.Errorf("%s: %w", f, err)
			}
			js, err := o.MarshalJSON()
			if err != nil {
				return err
			}
			got, err := ri.Patch(ctx, o.GetName(), types.ApplyPatchType, js, opts)
			if err != nil {
				return fmt.Errorf("%s: %s/%s: %w", f, o.GetKind(), o.GetName(), err)
			}
			suffix := ""
			if *dryRun {
				suffix = " (server dry run)"
			}
			fmt.Printf("%s/%s applied in namespace %q, resourceVersion %s%s\n",
				strings.ToLower(got.GetKind()), got.GetName(), got.GetNamespace(), got.GetResourceVersion(), suffix)
		}
	}
	return nil
}

func get(args []string) error {
	c := newConn("get")
	cfg, err := c.connect(args)
	if err != nil {
		return err
	}
	if c.fs.NArg() != 2 {
		return usageError{"want: get [flags] RESOURCE NAME (RESOURCE as plural.group, e.g. workflowtemplates.argoproj.io)"}
	}
	ns, err := c.ns()
	if err != nil {
		return err
	}
	dyn, mapper, err := clients(cfg)
	if err != nil {
		return err
	}
	gvr, err := mapper.ResourceFor(schema.ParseGroupResource(c.fs.Arg(0)).WithVersion(""))
	if err != nil {
		return err
	}
	gvk, err := mapper.KindFor(gvr)
	if err != nil {
		return err
	}
	m, err := mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
	if err != nil {
		return err
	}
	scoped := m.Scope.Name() == meta.RESTScopeNameNamespace
	var ri dynamic.ResourceInterface = dyn.Resource(gvr)
	if scoped {
		ri = dyn.Resource(gvr).Namespace(ns)
	}
	ctx, cancel := c.ctx()
	defer cancel()
	u, err := ri.Get(ctx, c.fs.Arg(1), metav1.GetOptions{})
	if err != nil {
		return err
	}
	out, err := yaml.Marshal(u.Object)
	if err != nil {
		return err
	}
	_, err = os.Stdout.Write(out)
	return err
}

func clients(cfg *rest.Config) (dynamic.Interface, meta.RESTMapper, error) {
	dyn, err := dynamic.NewForConfig(cfg)
	if err != nil {
		return nil, nil, err
	}
	dc, err := discovery.NewDiscoveryClientForConfig(cfg)
	if err != nil {
		return nil, nil, err
	}
	return dyn, restmapper.NewDeferredDiscoveryRESTMapper(memory.NewMemCacheClient(dc)), nil
}

func resourceFor(dyn dynamic.Interface, mapper meta.RESTMapper, o *unstructured.Unstructured, defNS string) (dynamic.ResourceInterface, error) {
	gvk := o.GroupVersionKind()
	m, err := mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", gvk, err)
	}
	if m.Scope.Name() != meta.RESTScopeNameNamespace {
		return dyn.Resource(m.Resource), nil
	}
	if o.GetNamespace() == "" {
		o.SetNamespace(defNS)
	}
	return dyn.Resource(m.Resource).Namespace(o.GetNamespace()), nil
}

// yamlFiles expands directories to their *.yaml/*.yml/*.json files, sorted.
func yamlFiles(paths []string) ([]string, error) {
	if len(paths) == 0 {
		return nil, usageError{"no files given"}
	}
	var out []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		ents, err := os.ReadDir(p)
		if err != nil {
			return nil, err
		}
		var found []string
		for _, e := range ents {
			switch strings.ToLower(filepath.Ext(e.Name())) {
			case ".yaml", ".yml", ".json":
				if e.Name() != "kustomization.yaml" && !e.IsDir() {
					found = append(found, filepath.Join(p, e.Name()))
				}
			}
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

func readObjects(path string) ([]*unstructured.Unstructured, error) {
	var r io.Reader
	if path == "-" {
		r = os.Stdin
	} else {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		r = bytes.NewReader(data)
	}
	dec := utilyaml.NewYAMLOrJSONDecoder(r, 1<<20)
	var objs []*unstructured.Unstructured
	for {
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			if errors.Is(err, io.EOF) {
				return objs, nil
			}
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if len(m) == 0 {
			continue
		}
		u := &unstructured.Unstructured{Object: m}
		if u.GetKind() == "" || u.GetAPIVersion() == "" {
			return nil, fmt.Errorf("%s: a document has no apiVersion/kind", path)
		}
		objs = append(objs, u)
	}
}
