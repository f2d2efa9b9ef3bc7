"""The one reader of a run's record on disk: the layout of .flowc/runs/<run-id>/ lives here (and
in flowc's Go package internal/runrecord), nowhere else.

    run.json        {"id", "flow", "user", "status", "started", "finished", "params", "steps"}
    events.jsonl    one task event per line: {"step", "index", "event", "at"}
    state/<step>/<i>/<j>/state.pkl (Python flows) or state.json (Go flows)
    blobs/sha256/<hex>  the artifacts of 64 KiB or more, stored once (the states refer to them)
    logs/<step>.<i>.<j>.out and .err

A store answers in run ids, step names and foreach index lists, so that a run kept elsewhere (a
cluster run in the artifact repository, under the workflow's name) is read by another class with
the same methods: S3Store in s3store.py.
"""
import json
import os
import re


class LocalStore(object):
    """Reads run records from a runs directory on this machine."""

    def __init__(self, root):
        self.root = root

    def describe(self):
        return "local@" + os.path.abspath(self.root)

    def run_ids(self):
        try:
            names = os.listdir(self.root)
        except OSError:
            return []
        return [n for n in names if not n.startswith(".") and os.path.isdir(self._p(n))]

    def _p(self, *parts):
        return os.path.join(self.root, *parts)

    def run_info(self, run_id):
        try:
            with open(self._p(run_id, "run.json")) as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def events(self, run_id):
        out = []
        try:
            with open(self._p(run_id, "events.jsonl")) as f:
                for line in f:
                    try:
                        out.append(json.loads(line))
                    except ValueError:
                        pass  # a line cut short by a killed run
        except OSError:
            pass
        return out

    def state(self, run_id, step, index):
        """The raw state of a task and its kind ("pkl" or "json"), or (None, None)."""
        base = self._p(run_id, "state", step, *[str(i) for i in index])
        for kind in ("pkl", "json"):
            try:
                with open(os.path.join(base, "state." + kind), "rb") as f:
                    return f.read(), kind
            except OSError:
                continue
        return None, None

    def blob(self, run_id, digest):
        """The bytes of a large artifact flowc run stored once for the run (blobs/sha256/HEX)."""
        if not re.fullmatch(r"[0-9a-f]{64}", digest or ""):
            raise ValueError("bad blob reference %r" % (digest,))
        with open(self._p(run_id, "blobs", "sha256", digest), "rb") as f:
            return f.read()

    def task_indexes(self, run_id, step):
        """The foreach indexes of the tasks of a step that left state, for runs without events."""
        base = self._p(run_id, "state", step)
        out = []
        for d, dirs, files in os.walk(base):
            dirs[:] = [x for x in dirs if x.isdigit()]
            if "state.pkl" in files or "state.json" in files:
                rel = os.path.relpath(d, base)
                out.append([] if rel == "." else [int(x) for x in rel.split(os.sep)])
        return sorted(out)

    def state_steps(self, run_id):
        """The steps that left state, for runs whose record does not list them."""
        try:
            return sorted(os.listdir(self._p(run_id, "state")))
        except OSError:
            return []

    def log(self, run_id, step, index, stream):
        task = "-".join(str(i) for i in index) or "0"
        try:
            with open(self._p(run_id, "logs", step, task + "." + stream), errors="replace") as f:
                return f.read()
        except OSError:
            return ""


def open_store(location):
    """A store for a runs location: a directory, "local@DIR", or s3://bucket[/prefix] (the
    cluster's artifact repository, s3store.py)."""
    if location.startswith("s3://"):
        from .s3store import S3Store

        return S3Store(location)
    return LocalStore(location[len("local@"):] if location.startswith("local@") else location)


def default_root():
    """$FLOWC_RUNS_DIR, else s3://$FLOWC_S3_BUCKET/$FLOWC_S3_PREFIX (a pod reading the cluster's
    runs), else the nearest .flowc/runs at or above the working directory."""
    env = os.environ.get("FLOWC_RUNS_DIR")
    if env:
        return env
    if os.environ.get("FLOWC_S3_BUCKET"):
        return "s3://%s/%s" % (os.environ["FLOWC_S3_BUCKET"], os.environ.get("FLOWC_S3_PREFIX", ""))
    d = os.getcwd()
    while True:
        p = os.path.join(d, ".flowc", "runs")
        if os.path.isdir(p):
            return p
        up = os.path.dirname(d)
        if up == d:
            return os.path.join(os.getcwd(), ".flowc", "runs")
        d = up
