package e2e

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
	"time"
)

func TestRetryFirstAttemptFails(t *testing.T) {
	need(t)
	const flow = "e2e/testdata/retry/flow.py"
	deploy(t, flow, cl.base)
	r := succeeded(t, flow)
	equal(t, artifacts(t, r.name, "start"), "attempt", 1)
	if !strings.Contains(r.stdout, "start(0)") || !strings.Contains(r.stdout, "start(1)") {
		t.Errorf("both attempts should be reported:\n%s", r.stdout)
	}
}

func TestCatch(t *testing.T) {
	need(t)
	const flow = "e2e/testdata/catch/flow.py"
	deploy(t, flow, cl.base)
	r := succeeded(t, flow)
	got, _ := artifacts(t, r.name, "end")["caught"].(string)
	if !strings.Contains(got, "caught on purpose") {
		t.Errorf("caught = %q, want the exception's message", got)
	}
}

func TestTimeoutKillsStep(t *testing.T) {
	need(t)
	const flow = "e2e/testdata/timeout/flow.py"
	deploy(t, flow, cl.base)
	t0 := time.Now()
	r := submit(t, flow)
	if r.err == nil {
		t.Fatalf("a step past its @timeout should fail the run:\n%s", r.stdout)
	}
	// The step raises the timeout itself, as Metaflow's @timeout does; the pod's deadline is
	// only the backstop (PROTOCOL.md, "Retry and catch").
	if !strings.Contains(r.stderr, `TimeoutException: step "start" timed out after 5 seconds (@timeout)`) {
		t.Errorf("the failure should show the step's timeout:\n%s", r.stderr)
	}
	if d := time.Since(t0); d > 4*time.Minute {
		t.Errorf("the step slept on for %s: it did not stop at its 5 s timeout", d)
	}
}

// TestTimeoutCaught: @retry runs a step that timed out again, and on the last attempt @catch
// stores the timeout and the run goes on, as in Metaflow (and in flowc run: testdata/runs).
func TestTimeoutCaught(t *testing.T) {
	need(t)
	const flow = "testdata/runs/timeout_catch/flow.py"
	deploy(t, flow, cl.base)
	r := succeeded(t, flow)
	a := artifacts(t, r.name, "end")
	equal(t, a, "kind", "metaflow.plugins.timeout_decorator.TimeoutException")
	equal(t, a, "message", `step "slow" timed out after 2 seconds (@timeout)`)
	equal(t, a, "attempts", 2)
}

func TestEnvironment(t *testing.T) {
	need(t)
	const flow = "e2e/testdata/environment/flow.py"
	deploy(t, flow, cl.base)
	r := succeeded(t, flow)
	a := artifacts(t, r.name, "start")
	equal(t, a, "greeting", "hello from @environment")
	equal(t, a, "empty", "")
}

func TestResourcesOnPod(t *testing.T) {
	need(t)
	if _, err := exec.LookPath("kubectl"); err != nil {
		t.Skip("no kubectl to read the pod")
	}
	const flow = "e2e/testdata/resources/flow.py"
	deploy(t, flow, cl.base)
	r := succeeded(t, flow)
	out, err := exec.Command("kubectl", "get", "pods", "-n", cl.ns, "-o", "json",
		"-l", "workflows.argoproj.io/workflow="+r.name+",flowc.dev/step=start").Output()
	if err != nil {
		t.Fatalf("kubectl get pods: %v", err)
	}
	var pods struct {
		Items []struct {
			Spec struct {
				Containers []struct {
					Name      string
					Resources struct{ Requests map[string]string }
				}
			}
		}
	}
	if err := json.Unmarshal(out, &pods); err != nil || len(pods.Items) != 1 {
		t.Fatalf("want the one pod of step start: %v\n%s", err, out)
	}
	for _, c := range pods.Items[0].Spec.Containers {
		if c.Name != "main" {
			continue
		}
		if c.Resources.Requests["cpu"] != "250m" || c.Resources.Requests["memory"] != "200M" {
			t.Errorf("main's requests = %v, want cpu 250m and memory 200M", c.Resources.Requests)
		}
		return
	}
	t.Errorf("no main container in %s", out)
}

func TestAwkwardParameterValues(t *testing.T) {
	need(t)
	const flow = "e2e/testdata/params/flow.py"
	deploy(t, flow, cl.base)
	text := "spaces  and 'single' \"double\" quotes\nsecond line\tünïcødé ✓ {{workflow.name}} {{=1+1}} $(id) ${HOME} `x` --flag"
	r := succeeded(t, flow, "text="+text, "count=-42", `config={"a": [1, "two", null], "b": "{{x}}"}`)
	a := artifacts(t, r.name, "start")
	equal(t, a, "text_seen", text)
	equal(t, a, "count_seen", -42)
	equal(t, a, "config_seen", map[string]any{"a": []any{1, "two", nil}, "b": "{{x}}"})
}

func TestScheduleAccepted(t *testing.T) {
	need(t)
	if _, err := exec.LookPath("kubectl"); err != nil {
		t.Skip("no kubectl to read the CronWorkflow")
	}
	const flow = "e2e/testdata/schedule/flow.py"
	deploy(t, flow, cl.base)
	// The controller's cron controller validates a CronWorkflow it picks up and records a
	// SpecError condition when it refuses one.
	var out []byte
	for i := 0; i < 15; i++ {
		var err error
		out, err = exec.Command("kubectl", "get", "cronworkflows", "-n", cl.ns, "-o", "json").Output()
		if err != nil {
			t.Fatalf("kubectl get cronworkflows: %v", err)
		}
		time.Sleep(time.Second)
	}
	var list struct {
		Items []struct {
			Metadata struct{ Name string }
			Spec     struct{ Schedules []string }
			Status   struct {
				Conditions []struct{ Type, Message string }
			}
		}
	}
	if err := json.Unmarshal(out, &list); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range list.Items {
		if c.Metadata.Name != "scheduledflow" {
			continue
		}
		found = true
		if len(c.Spec.Schedules) != 1 {
			t.Errorf("schedules = %v", c.Spec.Schedules)
		}
		for _, cond := range c.Status.Conditions {
			if cond.Type == "SpecError" {
				t.Errorf("the controller refused the CronWorkflow: %s", cond.Message)
			}
		}
	}
	if !found {
		t.Fatalf("no CronWorkflow scheduledflow in %s", out)
	}
}

func TestFailingStepFailsRun(t *testing.T) {
	need(t)
	const flow = "e2e/testdata/failing/flow.py"
	deploy(t, flow, cl.base)
	r := submit(t, flow)
	if r.err == nil {
		t.Fatalf("the run should fail:\n%s", r.stdout)
	}
	for _, want := range []string{"workflow.argoproj.io/" + r.name + " failed", "step check failed",
		"ValueError", "bad row 7: the amount is negative", "checking the rows"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("flowc submit --wait should show %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, "  check ") || !strings.Contains(r.stdout, "Failed") {
		t.Errorf("the step's phases should be shown:\n%s", r.stdout)
	}
	// flowc logs prints the same step's log.
	l := flowc(t, "logs", r.name, "check", "-n", cl.ns)
	if l.err != nil || !strings.Contains(l.stdout, "bad row 7") {
		t.Errorf("flowc logs %s check: %v\n%s%s", r.name, l.err, l.stdout, l.stderr)
	}
}
