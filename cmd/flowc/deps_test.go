package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoKubernetesClient checks that flowc links no Kubernetes client (whose package
// initialisation every command would pay for at start-up), and that flowc-kube, which apply,
// submit and logs run, does.
func TestNoKubernetesClient(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	deps := func(pkg string) string {
		out, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", pkg, err, out)
		}
		return string(out)
	}
	if kube := deps("../flowc-kube"); !strings.Contains(kube, "k8s.io/client-go/rest\n") {
		t.Fatalf("flowc-kube has no Kubernetes client; apply cannot work:\n%s", kube)
	}
	for _, p := range strings.Split(deps("."), "\n") {
		// Kubernetes' name validation (apimachinery's util/validation) is small and has no
		// start-up cost; the client, the API types and the scheme machinery do.
		if strings.HasPrefix(p, "k8s.io/client-go/") || strings.HasPrefix(p, "k8s.io/api/") ||
			strings.HasPrefix(p, "k8s.io/apimachinery/pkg/runtime") || strings.HasSuffix(p, "/internal/kube") ||
			strings.HasPrefix(p, "github.com/minio/") || strings.HasSuffix(p, "/internal/s3repo") {
			t.Errorf("flowc links %s", p)
		}
	}
}

// Without flowc-kube, apply, submit and cluster logs fail at once with how to install it, and
// compile goes on working.
func TestWithoutFlowcKube(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", dir)
	t.Chdir(dir)
	flow := filepath.Join(dir, "flow.py")
	src := "from metaflow import FlowSpec, step\n\n\nclass TinyFlow(FlowSpec):\n    @step\n    def start(self):\n" +
		"        self.next(self.end)\n\n    @step\n    def end(self):\n        pass\n"
	if err := os.WriteFile(flow, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"apply", flow}, {"submit", flow}, {"logs", "tinyflow-x7k2p"}} {
		var stdout, stderr bytes.Buffer
		code := run(t.Context(), args, strings.NewReader(""), &stdout, &stderr)
		want := "flowc: apply, submit, logs and reading runs of the cluster need flowc-kube, flowc's Kubernetes and S3 client, which is neither beside flowc"
		if code != exitFail || !strings.HasPrefix(stderr.String(), want) ||
			!strings.Contains(stderr.String(), "go install github.com/flowc-dev/flowc/cmd/flowc-kube@") {
			t.Errorf("flowc %s: exit %d\nstderr: %s", strings.Join(args, " "), code, stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run(t.Context(), []string{"compile", flow, "-o", "-"}, strings.NewReader(""), &stdout, &stderr); code != exitOK ||
		!strings.Contains(stdout.String(), "kind: WorkflowTemplate") {
		t.Errorf("compile without flowc-kube: exit %d\n%s", code, stderr.String())
	}
}
