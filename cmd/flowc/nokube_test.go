package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoKubeBuild checks that -tags flowc_nokube keeps the Kubernetes client and the S3 client
// out of flowc (and so their package initialisation out of every command's start-up), while the
// default build has apply's client in it.
func TestNoKubeBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	deps := func(tags ...string) string {
		out, err := exec.Command("go", append(append([]string{"list"}, tags...), "-deps", ".")...).CombinedOutput()
		if err != nil {
			t.Fatalf("go list %v: %v\n%s", tags, err, out)
		}
		return string(out)
	}
	if full := deps(); !strings.Contains(full, "k8s.io/client-go/rest\n") {
		t.Fatalf("the default build has no Kubernetes client; apply cannot work:\n%s", full)
	}
	for _, p := range strings.Split(deps("-tags", "flowc_nokube"), "\n") {
		// Kubernetes' name validation (apimachinery's util/validation) is small and has no
		// start-up cost; the client, the API types and the scheme machinery do.
		if strings.HasPrefix(p, "k8s.io/client-go/") || strings.HasPrefix(p, "k8s.io/api/") ||
			strings.HasPrefix(p, "k8s.io/apimachinery/pkg/runtime") || strings.HasSuffix(p, "/internal/kube") ||
			strings.HasPrefix(p, "github.com/minio/") || strings.HasSuffix(p, "/internal/s3repo") {
			t.Errorf("-tags flowc_nokube still links %s", p)
		}
	}
}
