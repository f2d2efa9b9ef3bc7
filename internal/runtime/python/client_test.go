package pyruntime

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestClient checks the Metaflow client API (flowc_runtime/client.py) over run records written
// as flowc run writes them: namespaces, latest and latest successful runs, data of Python and Go
// steps, foreach children in index order, runs from before run.json, and what is not found.
func TestClient(t *testing.T) {
	t.Parallel()
	py := pythonPath(t)
	dir := t.TempDir()
	if err := WriteTo(dir); err != nil {
		t.Fatal(err)
	}
	// The runs sit above the working directory: the client finds the nearest .flowc/runs.
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "-c", clientScript, filepath.Join(dir, ".flowc", "runs"))
	cmd.Dir = sub
	cmd.Env = []string{"PYTHONPATH=" + dir, "USER=alice"}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}

const clientScript = `
import json, os, sys
from flowc_runtime import state
root = sys.argv[1]

def run(rid, flow, user, status, started, steps):
    d = os.path.join(root, rid)
    os.makedirs(d)
    info = {"id": rid, "flow": flow, "status": status, "started": started, "steps": steps}
    if user:
        info["user"] = user
    with open(os.path.join(d, "run.json"), "w") as f:
        json.dump(info, f)
    return d

def task(d, step, index, arts, events=True):
    raw = {k: state.encode(k, v) for k, v in arts.items()}
    state.write(os.path.join(d, "state", step, *[str(i) for i in index]), state.State("F", step, raw, {"p": state.encode("p", "v")}))
    if events:
        with open(os.path.join(d, "events.jsonl"), "a") as f:
            for ev in ("started", "done"):
                f.write(json.dumps({"step": step, "index": index, "event": ev, "at": "2026-01-01T00:00:00Z"}) + "\n")

a = run("20260101-000000-aaaaaa", "F", "alice", "succeeded", "2026-01-01T00:00:00Z", ["start", "body", "end"])
task(a, "start", [], {"x": 41})
for i in (1, 0, 2):
    task(a, "body", [i], {"y": i * 10})
task(a, "end", [], {"x": 42})
b = run("20260102-000000-bbbbbb", "F", "bob", "failed", "2026-01-02T00:00:00Z", ["start", "body", "end"])
task(b, "start", [], {"x": 0})
g = run("20260103-000000-cccccc", "G", "alice", "succeeded", "2026-01-03T00:00:00Z", ["start"])
os.makedirs(os.path.join(g, "state", "start"))
with open(os.path.join(g, "state", "start", "state.json"), "w") as f:
    json.dump({"format": "flowc-state", "flow": "G", "step": "start", "fields": {"Count": 3}}, f)
with open(os.path.join(g, "events.jsonl"), "w") as f:
    f.write(json.dumps({"step": "start", "event": "done", "at": "2026-01-03T00:00:00Z"}) + "\n")
legacy = os.path.join(root, "20251231-000000-dddddd")
task(legacy, "start", [], {"x": 7}, events=False)

from metaflow import Flow, Run, Step, Task, namespace, get_namespace, get_metadata, MetaflowNotFound
assert get_metadata() == "local@" + os.path.abspath(root), get_metadata()
assert get_namespace() == "user:alice", get_namespace()

f = Flow("F")
assert [r.id for r in f] == ["20260101-000000-aaaaaa", "20251231-000000-dddddd"], [r.id for r in f]
assert f.latest_run.successful and f.latest_run.data.x == 42
namespace(None)
assert f.latest_run.id == "20260102-000000-bbbbbb" and not f.latest_run.successful
assert f.latest_successful_run.id == "20260101-000000-aaaaaa"

r = Run("F/20260101-000000-aaaaaa")
assert [s.id for s in r] == ["end", "body", "start"], [s.id for s in r]
assert r["start"].task.data.x == 41 and r["start"].task["x"].data == 41
assert r["start"].task.data.p == "v", "parameters are data too"
kids = list(r["body"])
assert [t.id for t in kids] == ["0", "1", "2"] and [t.index for t in kids] == [0, 1, 2]
assert [t.data.y for t in kids] == [0, 10, 20]
assert Task("F/20260101-000000-aaaaaa/body/2").data.y == 20
assert Step("F/20260101-000000-aaaaaa/start").task.index is None
assert "x" in r["start"].task and "zz" not in r["start"].task
try:
    r["start"].task.data.zz
    raise SystemExit("a missing artifact must raise")
except AttributeError:
    pass
for bad in (lambda: Flow("Nope"), lambda: r["nope"], lambda: Task("F/20260101-000000-aaaaaa/body/9"), lambda: Run("G/20260101-000000-aaaaaa")):
    try:
        bad()
        raise SystemExit("not found must raise")
    except MetaflowNotFound:
        pass

assert Flow("G").latest_run["start"].task.data.Count == 3
assert Run("F/20251231-000000-dddddd")["start"].task.data.x == 7
`
