package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompileTooLargeWritesNothing: a flow whose manifest Kubernetes would refuse fails the
// compile with exit 1 and the positioned manifest-size error, and writes no output at all.
func TestCompileTooLargeWritesNothing(t *testing.T) {
	dir := t.TempDir()
	var src strings.Builder
	src.WriteString("from metaflow import FlowSpec, step\n\n\nclass HugeFlow(FlowSpec):\n")
	// A chain of long step names: with steps sharing a template (templates: auto), about 330
	// bytes a step as stored, 1.5 MiB at about 4,800 steps.
	const n = 5000
	for i := 0; i < n; i++ {
		name, next := fmt.Sprintf("transform_customer_records_%d", i), fmt.Sprintf("self.next(self.transform_customer_records_%d)", i+1)
		switch i {
		case 0:
			name = "start"
		case n - 2:
			next = "self.next(self.end)"
		case n - 1:
			name, next = "end", "pass"
		}
		fmt.Fprintf(&src, "    @step\n    def %s(self):\n        %s\n\n", name, next)
	}
	flowFile := filepath.Join(dir, "flow.py")
	if err := os.WriteFile(flowFile, []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"compile", flowFile, "-o", out}, nil, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "flow.py:4:7: error: the WorkflowTemplate \"hugeflow\" of flow \"HugeFlow\" is ") ||
		!strings.Contains(stderr.String(), "over the 1.50 MiB etcd accepts for one object (its default --max-request-bytes); the flow has 5000 steps [manifest-size]\n\thelp: split it into smaller flows") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the failed compile wrote %s (stat: %v)", out, err)
	}
}
