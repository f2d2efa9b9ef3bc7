package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/flowc-dev/flowc/compiler/ir"
	"github.com/flowc-dev/flowc/emit/argo"
	"github.com/flowc-dev/flowc/internal/cluster"
)

func runSubmit(e *env, args []string) int {
	fs := newFlagSet(e, "submit", "[--param NAME=VALUE]... [flags] FLOW\n\n"+
		"Starts a run of the flow's WorkflowTemplate, which flowc apply put in the cluster: a Workflow\n"+
		"that references the template and passes the given parameter values (Argo fills in the defaults).")
	var params multiFlag
	fs.Var(&params, "param", "a parameter value, NAME=VALUE (repeatable)")
	var kf kubeFlags
	kf.register(fs)
	fs.StringVar(&kf.namespace, "namespace", "", "same as -n")
	wait := fs.Bool("wait", false, "follow the run until it ends; exit 0 only when it succeeded")
	timeout := fs.Duration("timeout", 0, "with --wait, give up after this long, e.g. 30m (default: no limit)")
	verbose := fs.Bool("v", false, "say which flowc.yaml is used")
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(paths) != 1 {
		return usageErr(e, "submit needs exactly one flow file")
	}
	if *timeout < 0 {
		return usageErr(e, "--timeout must not be negative")
	}
	// Bad values fail here, before anything is sent: Argo would only find them in a running pod.
	fl, _, ok := loadWithParams(e, "submit", paths[0], params)
	if !ok {
		return exitFail
	}
	cfg, ok := loadConfig(e, paths, *verbose)
	if !ok {
		return exitFail
	}
	cl, err := kf.load(e)
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	defer cl.Close()
	ns := cl.ResolveNamespace(kf.namespace, cfg.Namespace)
	name, err := cl.Submit(e.ctx, cluster.Run{Namespace: ns, Template: argo.ObjectName(fl.IR), Params: given(fl.IR, params)})
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	ref := "workflow.argoproj.io/" + name
	fmt.Fprintf(e.stdout, "%s submitted\n", ref)
	if !*wait {
		return exitOK
	}
	return waitRun(e, cl, ns, ref, name, *timeout)
}

// waitRun follows a submitted run, printing its phases, and fails unless it succeeded.
func waitRun(e *env, cl *cluster.Cluster, ns, ref, name string, timeout time.Duration) int {
	ctx := e.ctx
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	lastPhase := ""
	st, err := cl.Wait(ctx, ns, name, func(s cluster.Status) {
		for _, step := range s.Changed {
			fmt.Fprintf(e.stdout, "  %-32s %s\n", step.Name, step.Phase)
		}
		if s.Phase != lastPhase {
			fmt.Fprintf(e.stdout, "%s %s\n", ref, s.Phase)
			lastPhase = s.Phase
		}
	})
	phase := st.Phase
	if phase == "" {
		phase = "none yet: is Argo's workflow controller running?"
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		fmt.Fprintf(e.stderr, "flowc: timed out after %s waiting for %s (phase: %s)\n", timeout, ref, phase)
		return exitFail
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(e.stderr, "flowc: stopped waiting for %s (phase: %s); the run goes on\n", ref, phase)
		return exitFail
	case err != nil:
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	case st.Phase != "Succeeded":
		msg := ""
		if st.Message != "" {
			msg = ": " + st.Message
		}
		fmt.Fprintf(e.stderr, "flowc: %s %s%s\n", ref, strings.ToLower(st.Phase), msg)
		showFailures(e, cl, ns, name, st)
		return exitFail
	}
	return exitOK
}

// given lists the parameter values passed on the command line, in the flow's parameter order,
// the last one winning for a name given twice (as driver.Params reads them).
func given(f *ir.Flow, args []string) []cluster.Param {
	values := map[string]string{}
	for _, a := range args {
		if name, value, ok := strings.Cut(a, "="); ok {
			values[name] = value
		}
	}
	var out []cluster.Param
	for _, p := range f.Params {
		if v, ok := values[p.Name]; ok {
			out = append(out, cluster.Param{Name: p.Name, Value: v})
		}
	}
	return out
}
