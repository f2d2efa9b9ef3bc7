package pyruntime

import "testing"

// TestCurrent checks every current.* fact a step sees, from the protocol's environment: in a pod
// the run id is the workflow's name, the task id the pod's and the retry count Argo's.
func TestCurrent(t *testing.T) {
	t.Parallel()
	c := newContext(t, "project", "flow.py", "ProjectFlow")
	cmd := StepCommand{Step: "start", Out: "out/start", Next: []string{"end"}}
	pod := c.mustStep(cmd, "FLOWC_RUN_ID=projectflow-x7k2p", "FLOWC_TASK_ID=projectflow-x7k2p-start-123",
		"FLOWC_RETRY_COUNT=2", "USER=ada", "FLOWC_ORIGIN_RUN_ID=projectflow-a1", "FLOWC_NAMESPACE=", "FLOWC_BRANCH=")
	pod.want("facts", `{"branch_name": "prod", "flow_name": "ProjectFlow", "is_production": true,`+
		` "namespace": "user:ada", "origin_run_id": "projectflow-a1", "project_flow_name": "demo.prod.ProjectFlow",`+
		` "project_name": "demo", "retry_count": 2, "run_id": "projectflow-x7k2p", "step_name": "start",`+
		` "tags": ["runtime:flowc", "user:ada"], "task_id": "projectflow-x7k2p-start-123", "trigger": null}`)
	cmd.Out = "out/branch"
	branch := c.mustStep(cmd, "FLOWC_BRANCH=test.feature", "FLOWC_NAMESPACE=team:ml", "USER=ada")
	branch.want("facts", `{"branch_name": "test.feature", "flow_name": "ProjectFlow", "is_production": false,`+
		` "namespace": "team:ml", "origin_run_id": null, "project_flow_name": "demo.test.feature.ProjectFlow",`+
		` "project_name": "demo", "retry_count": 0, "run_id": "test-run", "step_name": "start",`+
		` "tags": ["runtime:flowc", "user:ada"], "task_id": "0", "trigger": null}`)
}
