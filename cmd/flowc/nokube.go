//go:build flowc_nokube

package main

// A flowc built with -tags flowc_nokube leaves out apply and submit, and with them the
// Kubernetes client, whose package initialisation every command of a full flowc pays for at
// start-up (see scripts/bench.sh). It suits build pipelines that only compile and check.

func runApply(e *env, args []string) int { return noKube(e, "apply") }

func runSubmit(e *env, args []string) int { return noKube(e, "submit") }

func runClusterLogs(e *env, args []string) int { return noKube(e, "logs of a cluster workflow") }

func noKube(e *env, cmd string) int {
	return usageErr(e, "%s needs the Kubernetes client, which this flowc was built without (-tags flowc_nokube); "+
		"install the full flowc: go install github.com/flowc-dev/flowc/cmd/flowc@latest", cmd)
}
