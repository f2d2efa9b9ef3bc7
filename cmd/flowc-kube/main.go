// Command flowc-kube is flowc's Kubernetes client: flowc apply, submit and logs start it and ask
// it, over a pipe, to read the kubeconfig and talk to the API server. It is a program of its own
// so that flowc links no Kubernetes client and its other commands start as fast as a small Go
// program: install it beside flowc (go install github.com/flowc-dev/flowc/cmd/...@latest).
package main

import (
	"os"

	"github.com/flowc-dev/flowc/internal/kube"
)

func main() { os.Exit(kube.Main()) }
