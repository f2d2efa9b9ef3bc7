package driver

import (
	"fmt"

	"github.com/flowc-dev/flowc/emit/argo"
	"github.com/flowc-dev/flowc/internal/diag"
)

// checkSize refuses a flow whose manifest Kubernetes could not store, at compile time rather
// than when apply sends it, and warns when Argo would refuse to run it: the diagnostic sits on
// the flow's class and names the limit.
func checkSize(fl *Flow, objs []argo.Object) diag.List {
	for _, o := range objs {
		n, err := argo.StoredSize(o)
		if err != nil {
			return diag.List{diag.Errorf(fl.IR.Pos, diag.Internal, "cannot size the manifest: %v", err)}
		}
		name := o.Metadata.Name + o.Metadata.GenerateName
		switch {
		case n > argo.MaxObjectBytes:
			return diag.List{diag.Errorf(fl.IR.Pos, diag.ManifestSize,
				"the %s %q of flow %q is %s as Kubernetes stores it, over the %s etcd accepts for one object (its default --max-request-bytes); the flow has %d steps",
				o.Kind, name, fl.IR.Name, mib(n), mib(argo.MaxObjectBytes), len(fl.IR.Steps)).Suggest("split it into smaller flows")}
		case n > argo.MaxWorkflowBytes && o.Kind != "CronWorkflow":
			return diag.List{diag.Warningf(fl.IR.Pos, diag.ManifestSize,
				"the %s %q of flow %q is %s as Kubernetes stores it: a run keeps a copy of this spec, and Argo's controller fails a Workflow over %s (MAX_WORKFLOW_SIZE) unless node status offloading is on",
				o.Kind, name, fl.IR.Name, mib(n), mib(argo.MaxWorkflowBytes)).Suggest("split the flow, or raise the controller's limit")}
		}
	}
	return nil
}

// mib writes a byte count in MiB with two decimals, the unit Kubernetes' limits are given in.
func mib(n int) string { return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20)) }
