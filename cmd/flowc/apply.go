package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/flowc-dev/flowc/internal/cluster"
)

// kubeFlags are kubectl's connection flags, shared by apply and submit.
type kubeFlags struct {
	namespace, context, kubeconfig string
}

func (k *kubeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&k.namespace, "n", "", "namespace (default: flowc.yaml's, else the context's, else default)")
	fs.StringVar(&k.context, "context", "", "kubeconfig context (default: the current context)")
	fs.StringVar(&k.kubeconfig, "kubeconfig", "", "kubeconfig file (default: the files of $KUBECONFIG, else ~/.kube/config)")
}

// load reads the kubeconfig (in flowc-kube, which the caller Closes); the server's warnings go
// to stderr, as kubectl's do.
func (k *kubeFlags) load(e *env) (*cluster.Cluster, error) {
	return cluster.Load(cluster.Flags{Kubeconfig: k.kubeconfig, Context: k.context, Warnings: e.stderr})
}

func runApply(e *env, args []string) int {
	fs := newFlagSet(e, "apply", "[flags] FLOW...\n\n"+
		"Compiles the flows as flowc compile does and server-side applies each WorkflowTemplate (and the\n"+
		"CronWorkflow of a scheduled flow) to the cluster of the kubeconfig context, as field manager \"flowc\".")
	var cf compileFlags
	cf.register(fs)
	var kf kubeFlags
	kf.register(fs)
	dryRun := fs.String("dry-run", "none", "none; client: print what would be applied, contact nothing; server: the server checks everything and stores nothing")
	force := fs.Bool("force-conflicts", false, "take over fields that another field manager owns")
	build := fs.Bool("build", false, "first build and push each flow's image, as flowc build --push does")
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return usageErr(e, "apply needs at least one flow file or directory")
	}
	if !oneOf(*dryRun, "none", "client", "server") {
		return usageErr(e, "--dry-run must be none, client or server, not %q", *dryRun)
	}
	if strings.EqualFold(cf.kind, "workflow") {
		return usageErr(e, "apply is for templates: --kind workflow makes a one-off Workflow; apply the WorkflowTemplate, then start runs with flowc submit")
	}
	opts, code, ok := cf.options(e, paths)
	if !ok {
		return code
	}
	client := strings.EqualFold(*dryRun, "client")
	cl, err := kf.load(e)
	var noConfig *cluster.NoConfigError
	if err != nil && !(client && errors.As(err, &noConfig)) {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	defer cl.Close()
	// The objects are compiled into the namespace they go to, so that what --dry-run=client
	// prints is byte for byte what flowc compile --namespace NS writes.
	ns := cl.ResolveNamespace(kf.namespace, opts.Config.Namespace)
	opts.Config.Namespace = ns
	outs, diags := compileAll(paths, opts)
	printDiags(e, cf.format, diags)
	if diags.HasErrors() {
		return exitFail
	}
	if *build && !client {
		if code := buildAll(e, outs); code != exitOK {
			return code
		}
	}
	var manifests [][]byte
	var refs []string
	for _, o := range outs {
		yml := o.Files[o.Name+".yaml"]
		if client {
			e.stdout.Write(yml)
		}
		more, err := cluster.Refs(yml)
		if err != nil {
			fmt.Fprintf(e.stderr, "flowc: internal error: %s.yaml: %v\n", o.Name, err)
			return exitFail
		}
		manifests, refs = append(manifests, yml), append(refs, more...)
	}
	if client {
		for _, ref := range refs {
			fmt.Fprintf(e.stderr, "%s would be applied to namespace %q (dry run)\n", ref, ns)
		}
		return exitOK
	}
	results, err := cl.Apply(e.ctx, manifests, cluster.ApplyOptions{
		Namespace: ns, DryRun: strings.EqualFold(*dryRun, "server"), Force: *force,
	})
	for _, r := range results {
		fmt.Fprintln(e.stdout, r)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	return exitOK
}
