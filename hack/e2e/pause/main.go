// Command pause is the process of a pod sandbox on flowc's end-to-end cluster: it holds the
// pod's namespaces open until it is told to stop, and reaps children as a PID 1 must.
// Kubernetes' own pause image cannot be pulled there (nothing outside loopback is reachable).
package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGCHLD)
	for s := range sigs {
		if s == syscall.SIGCHLD {
			reap()
			continue
		}
		os.Exit(0)
	}
}

// reap collects every exited child, so none stays a zombie in the sandbox.
func reap() {
	for {
		var ws syscall.WaitStatus
		pid, err := syscall.Wait4(-1, &ws, syscall.WNOHANG, nil)
		if pid <= 0 || err != nil {
			return
		}
	}
}
