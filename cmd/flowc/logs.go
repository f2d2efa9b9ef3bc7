package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/flowc-dev/flowc/internal/cluster"
	"github.com/flowc-dev/flowc/internal/config"
)

// failureTail is how many lines of a failed step's log flowc submit --wait shows.
const failureTail = 20

// runClusterLogs prints a cluster workflow's step logs.
func runClusterLogs(e *env, args []string) int {
	fs := newFlagSet(e, "logs", "[flags] WORKFLOW [STEP]\n\n"+
		"Prints the logs of a run's steps (the main container of each pod, oldest first), or of one\n"+
		"step's pods: its attempts and foreach children.")
	var kf kubeFlags
	kf.register(fs)
	tail := fs.Int("tail", 0, "print only the last N lines of each log")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) < 1 || len(pos) > 2 {
		return usageErr(e, "logs needs a workflow name and optionally a step name")
	}
	if *tail < 0 {
		return usageErr(e, "--tail must not be negative")
	}
	cfg, err := config.Find(".")
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	cl, err := kf.load(e)
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	defer cl.Close()
	ns := cl.ResolveNamespace(kf.namespace, cfg.Namespace)
	name := strings.TrimPrefix(pos[0], "workflow.argoproj.io/")
	pods, err := cl.Pods(e.ctx, ns, name)
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return exitFail
	}
	step := ""
	if len(pos) == 2 {
		// Steps are named as in the flow (save_to_db); their templates and labels use dashes.
		step = strings.ReplaceAll(pos[1], "_", "-")
	}
	shown := 0
	for _, p := range pods {
		if step != "" && p.Step != step {
			continue
		}
		shown++
		if err := printLog(e.ctx, e, cl, ns, p, *tail); err != nil {
			fmt.Fprintf(e.stderr, "flowc: %v\n", err)
			return exitFail
		}
	}
	if shown == 0 {
		what := "workflow.argoproj.io/" + name
		if step != "" {
			what = "step " + pos[1] + " of " + what
		}
		fmt.Fprintf(e.stderr, "flowc: no pods found for %s in namespace %q\n", what, ns)
		return exitFail
	}
	return exitOK
}

// printLog prints one pod's main container log under a header naming the node and the pod.
func printLog(ctx context.Context, e *env, cl *cluster.Cluster, ns string, p cluster.Pod, tail int) error {
	data, err := cl.Log(ctx, ns, p.Name, "main", tail)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "==> %s (pod %s) <==\n", nodeLabel(p.Node), p.Name)
	e.stdout.Write(data)
	if len(data) > 0 && data[len(data)-1] != '\n' {
		fmt.Fprintln(e.stdout)
	}
	return nil
}

// nodeLabel is a node's name without the workflow's name in front: "start", "body(0:a)".
func nodeLabel(node string) string {
	if _, after, ok := strings.Cut(node, "."); ok {
		return after
	}
	return node
}

// showFailures prints, for each failed step of a finished run, its message and its log's tail.
func showFailures(e *env, cl *cluster.Cluster, ns, name string, st cluster.Status) {
	var failed []cluster.Step
	for _, s := range st.Steps {
		if s.Failed() {
			failed = append(failed, s)
		}
	}
	if len(failed) == 0 {
		return
	}
	pods, err := cl.Pods(e.ctx, ns, name)
	if err != nil {
		fmt.Fprintf(e.stderr, "flowc: %v\n", err)
		return
	}
	byNode := map[string]cluster.Pod{}
	for _, p := range pods {
		byNode[p.Node] = p
	}
	for _, s := range failed {
		fmt.Fprintf(e.stderr, "step %s %s: %s\n", s.Name, strings.ToLower(s.Phase), s.Message)
		p, ok := byNode[s.Node]
		if !ok {
			continue
		}
		data, err := cl.Log(e.ctx, ns, p.Name, "main", failureTail)
		if err != nil {
			fmt.Fprintf(e.stderr, "  (no log: %v)\n", err)
			continue
		}
		fmt.Fprintf(e.stderr, "--- last lines of %s (pod %s) ---\n", s.Name, p.Name)
		e.stderr.Write(data)
		if len(data) > 0 && data[len(data)-1] != '\n' {
			fmt.Fprintln(e.stderr)
		}
	}
}
