"""Metaflow's client API over flowc's run records: Flow, Run, Step, Task, namespace, get_metadata.

The objects read run records through a store (runstore.py, the one place that knows the
layout of .flowc/runs/<run-id>/); a run kept in an artifact repository (the cluster's runs,
under the workflow's name) is read by s3store.py's S3Store, which has the same methods.
The runs are read from $FLOWC_RUNS_DIR (a directory or s3://bucket/prefix), else
s3://$FLOWC_S3_BUCKET/$FLOWC_S3_PREFIX, else the nearest .flowc/runs in the working directory
or above it; metadata("s3://bucket/prefix") points the client at a repository. `python -m flowc_runtime.client show [--json] -- RUNS_DIR RUN STEP [ARTIFACT]` prints what
`flowc show` prints.
"""
import json
import os
import pickle
import re
import sys

from . import runstore

__all__ = ["Flow", "Run", "Step", "Task", "DataArtifact", "MetaflowNotFound", "namespace",
           "get_namespace", "default_namespace", "get_metadata", "metadata"]


class MetaflowNotFound(Exception):
    """No flow, run, step, task or artifact of that name (in the current namespace)."""


_store = None
_namespace = "unset"


def _current_store():
    global _store
    if _store is None:
        _store = runstore.open_store(runstore.default_root())
    return _store


def metadata(ms):
    """Points the client at a runs directory ("local@/path" or a path) or at the cluster's
    artifact repository ("s3://bucket/prefix"); returns get_metadata()."""
    global _store
    _store = runstore.open_store(ms)
    return get_metadata()


def get_metadata():
    """Where runs are read from: "local@<runs directory>", as Metaflow names it, or
    "s3://bucket/prefix"."""
    return _current_store().describe()


def default_namespace():
    """The user's namespace, "user:<name>", as Metaflow's default; returns it."""
    global _namespace
    _namespace = "user:" + (os.environ.get("USER") or os.environ.get("USERNAME") or "unknown")
    return _namespace


def namespace(ns):
    """Restricts the client to runs tagged ns; None means every run."""
    global _namespace
    _namespace = ns
    return ns


def get_namespace():
    if _namespace == "unset":
        default_namespace()
    return _namespace


def _run_tags(info):
    user = (info or {}).get("user")
    return frozenset(["user:" + user]) if user else frozenset()


def _in_namespace(info):
    ns = get_namespace()
    return ns is None or not (info or {}).get("user") or ns in _run_tags(info)


class _Object(object):
    _kind = ""

    def __init__(self, pathspec):
        self.pathspec = pathspec
        self.id = pathspec.split("/")[-1]

    def __repr__(self):
        return "%s('%s')" % (type(self).__name__, self.pathspec)

    def __eq__(self, other):
        return type(self) is type(other) and self.pathspec == other.pathspec

    def __hash__(self):
        return hash(self.pathspec)


class Flow(_Object):
    """A flow's runs, newest first: Flow("HelloFlow").latest_successful_run.data.x."""

    def __init__(self, name):
        super().__init__(name)
        if not any(True for _ in self._all_runs()):
            raise MetaflowNotFound("no run of flow %s in %s (namespace %s)"
                                   % (name, get_metadata(), get_namespace()))

    def _all_runs(self):
        st = _current_store()
        found = []
        for rid in st.run_ids():
            info = st.run_info(rid) or _legacy_info(st, rid)
            if info and info.get("flow") == self.id and _in_namespace(info):
                found.append((info.get("started") or "", rid))
        for _, rid in sorted(found, reverse=True):
            yield Run("%s/%s" % (self.id, rid))

    def runs(self, *tags):
        return [r for r in self._all_runs() if set(tags) <= set(r.tags)]

    def __iter__(self):
        return iter(self.runs())

    def __getitem__(self, run_id):
        return Run("%s/%s" % (self.id, run_id))

    @property
    def latest_run(self):
        return next(iter(self), None)

    @property
    def latest_successful_run(self):
        return next((r for r in self if r.successful), None)


def _legacy_info(store, run_id):
    """A run from before run.json: its flow is named in the start step's state."""
    raw, kind = store.state(run_id, "start", [])
    if raw is None:
        return None
    try:
        data = pickle.loads(raw) if kind == "pkl" else json.loads(raw)
        return {"id": run_id, "flow": data.get("flow"), "steps": [], "status": "unknown"}
    except Exception:
        return None


class Run(_Object):
    """One run: its steps (run["train"]), outcome and the end step's data."""

    def __init__(self, pathspec):
        super().__init__(pathspec)
        parts = pathspec.split("/")
        if len(parts) != 2:
            raise MetaflowNotFound("a run's pathspec is FlowName/RunId, not %r" % pathspec)
        self.flow_name = parts[0]
        st = _current_store()
        self._info = st.run_info(self.id) or _legacy_info(st, self.id)
        if not self._info or self._info.get("flow") != self.flow_name:
            raise MetaflowNotFound("no run %s" % pathspec)
        self._events = st.events(self.id)

    @property
    def successful(self):
        return self._info.get("status") == "succeeded"

    @property
    def finished(self):
        return self._info.get("status") in ("succeeded", "failed")

    @property
    def created_at(self):
        return self._info.get("started")

    @property
    def finished_at(self):
        return self._info.get("finished")

    @property
    def tags(self):
        return _run_tags(self._info)

    system_tags = tags

    @property
    def parameters(self):
        return dict(self._info.get("params") or {})

    def _step_names(self):
        names = list(self._info.get("steps") or [])
        for ev in self._events:
            if ev.get("step") not in names:
                names.append(ev.get("step"))
        for step in _current_store().state_steps(self.id):
            if step not in names:
                names.append(step)
        return names

    def steps(self):
        """The steps that ran, the last first, as Metaflow lists them."""
        ran = set(ev.get("step") for ev in self._events)
        return [Step("%s/%s" % (self.pathspec, s)) for s in reversed(self._step_names())
                if s in ran or _current_store().task_indexes(self.id, s)]

    def __iter__(self):
        return iter(self.steps())

    def __getitem__(self, name):
        if name not in self._step_names():
            raise MetaflowNotFound("run %s has no step %r" % (self.pathspec, name))
        return Step("%s/%s" % (self.pathspec, name))

    def __contains__(self, name):
        return name in self._step_names()

    @property
    def end_task(self):
        return self["end"].task if "end" in self else None

    @property
    def data(self):
        t = self.end_task
        return t.data if t is not None else None


class Step(_Object):
    """A step of a run: its tasks, one per foreach child."""

    def __init__(self, pathspec):
        super().__init__(pathspec)
        self.flow_name, self.run_id, self.step_name = pathspec.split("/")

    def _indexes(self):
        st = _current_store()
        seen = []
        for ev in st.events(self.run_id):
            idx = list(ev.get("index") or [])
            if ev.get("step") == self.step_name and idx not in seen:
                seen.append(idx)
        if not seen:  # a run without events (a cluster run): the tasks that left state
            seen = st.task_indexes(self.run_id, self.step_name)
        return sorted(seen)

    def tasks(self):
        return [Task("%s/%s" % (self.pathspec, _task_id(i))) for i in self._indexes()]

    def __iter__(self):
        return iter(self.tasks())

    def __getitem__(self, task_id):
        return Task("%s/%s" % (self.pathspec, task_id))

    @property
    def task(self):
        """The step's first task (Metaflow: any task of the step)."""
        return next(iter(self), None)


def _task_id(index):
    return "-".join(str(i) for i in index) if index else "0"


class DataArtifact(_Object):
    """One artifact of a task; .data is its value."""

    def __init__(self, pathspec, raw, kind, blob=None):
        super().__init__(pathspec)
        self._raw, self._kind, self._blob = raw, kind, blob

    @property
    def data(self):
        if self._blob is not None:  # stored once per run (a large artifact of flowc run)
            raw = _current_store().blob(self.pathspec.split("/")[1], self._blob)
            return json.loads(raw) if self._kind == "json" else pickle.loads(raw)
        if self._kind == "json":
            return self._raw
        return pickle.loads(self._raw)


class _Data(object):
    """task.data: the artifacts as attributes (task.data.name)."""

    def __init__(self, artifacts):
        self.__dict__["_artifacts"] = artifacts

    def __getattr__(self, name):
        a = self.__dict__["_artifacts"].get(name)
        if a is None:
            raise AttributeError("no artifact %r" % name)
        return a.data

    def __contains__(self, name):
        return name in self.__dict__["_artifacts"]

    def __iter__(self):
        return iter(sorted(self.__dict__["_artifacts"]))


class Task(_Object):
    """One execution of a step: task.data.x, task["x"].data, task.stdout, task.index."""

    def __init__(self, pathspec):
        super().__init__(pathspec)
        self.flow_name, self.run_id, self.step_name, tid = pathspec.split("/")
        if not re.match(r"^[0-9]+(-[0-9]+)*$", tid):
            raise MetaflowNotFound("no task %s" % pathspec)
        step_indexes = Step("/".join(pathspec.split("/")[:3]))._indexes()
        self._index = [int(i) for i in tid.split("-")]
        if tid == "0" and [] in step_indexes:
            self._index = []  # the one task of a step outside any foreach
        if self._index not in step_indexes:
            raise MetaflowNotFound("no task %s" % pathspec)
        self._artifacts = None

    def _load(self):
        if self._artifacts is not None:
            return self._artifacts
        raw, kind = _current_store().state(self.run_id, self.step_name, self._index)
        arts = {}
        if kind == "pkl":
            st = pickle.loads(raw)
            # A parameter is an artifact under its attribute's name, as in Metaflow.
            attrs = st.get("param_attrs") or {}
            named = [(attrs.get(n, n), v) for n, v in (st.get("params") or {}).items()]
            for n, v in named + list((st.get("artifacts") or {}).items()):
                blob = v.get("blob") if isinstance(v, dict) else None  # state.py's reference
                arts[n] = DataArtifact("%s/%s" % (self.pathspec, n), v, "pkl", blob)
        elif kind == "json":
            st = json.loads(raw)
            for n, v in (st.get("fields") or {}).items():
                arts[n] = DataArtifact("%s/%s" % (self.pathspec, n), v, "json")
            for n, ref in (st.get("blobs") or {}).items():  # the Go SDK's large fields
                arts[n] = DataArtifact("%s/%s" % (self.pathspec, n), None, "json", ref.get("blob"))
        self._artifacts = arts
        return arts

    def _public(self):
        # As Metaflow's client: private artifacts (self._x) are stored, and read by the later
        # steps, but task.data, task.artifacts and iteration leave them out; task["_x"] reads one.
        return {n: a for n, a in self._load().items() if not n.startswith("_")}

    @property
    def data(self):
        return _Data(self._public())

    @property
    def artifacts(self):
        return _Artifacts(self._public())

    def __iter__(self):
        public = self._public()
        return iter([public[n] for n in sorted(public)])

    def __getitem__(self, name):
        try:
            return self._load()[name]
        except KeyError:
            raise MetaflowNotFound("task %s has no artifact %r" % (self.pathspec, name))

    def __contains__(self, name):
        return name in self._load()

    @property
    def successful(self):
        return _current_store().state(self.run_id, self.step_name, self._index)[0] is not None

    finished = successful

    @property
    def index(self):
        """The index of this task among its foreach siblings, None outside a foreach."""
        return self._index[-1] if self._index else None

    @property
    def stdout(self):
        return _current_store().log(self.run_id, self.step_name, self._index, "out")

    @property
    def stderr(self):
        return _current_store().log(self.run_id, self.step_name, self._index, "err")


class _Artifacts(object):
    """task.artifacts: the DataArtifact objects as attributes (task.artifacts.x.data)."""

    def __init__(self, arts):
        self._arts = arts

    def __getattr__(self, name):
        if name.startswith("_") or name not in self._arts:
            raise AttributeError("no artifact %r" % name)
        return self._arts[name]

    def __iter__(self):
        return iter([self._arts[n] for n in sorted(self._arts)])


def _show(argv):
    """flowc show RUN STEP [ARTIFACT]: a step's tasks and artifacts, or one artifact's value.

    argv is [--json] -- RUNS_DIR RUN STEP [ARTIFACT]: everything after "--" is a value, never
    an option, whatever it starts with."""
    as_json = argv[:1] == ["--json"]
    if as_json:
        argv = argv[1:]
    args = argv[1:]
    if argv[:1] != ["--"] or len(args) not in (3, 4):
        sys.stderr.write("usage: python -m flowc_runtime.client show [--json] -- RUNS_DIR RUN STEP [ARTIFACT]\n")
        return 2
    metadata(args[0])
    namespace(None)
    st = _current_store()
    info = st.run_info(args[1]) or _legacy_info(st, args[1]) or {}
    try:
        step = Run("%s/%s" % (info.get("flow"), args[1]))[args[2]]
        tasks = step.tasks()
        if not tasks:
            raise MetaflowNotFound("step %s of run %s has no tasks" % (args[2], args[1]))
        out = {}
        for t in tasks:
            if len(args) == 4:
                out[t.id] = t[args[3]].data
            else:
                out[t.id] = {n: a.data for n, a in t._public().items()}
    except MetaflowNotFound as e:
        sys.stderr.write("flowc: %s\n" % e)
        return 1
    except Exception as e:  # an artifact that does not unpickle here
        sys.stderr.write("flowc: cannot read the artifacts: %s: %s\n" % (type(e).__name__, e))
        return 1
    _print(out, as_json, len(args) == 4)
    return 0


def _print(out, as_json, one):
    if as_json:
        from .cli import jsonable

        if len(out) == 1:
            out = list(out.values())[0]  # one task: its value, not a map of one
        sys.stdout.write(json.dumps(jsonable(out), sort_keys=True, indent=2) + "\n")
        return
    for tid in out:
        prefix = "task %s: " % tid if len(out) > 1 else ""
        if one:
            sys.stdout.write("%s%r\n" % (prefix, out[tid]))
            continue
        if prefix:
            sys.stdout.write("task %s\n" % tid)
        for name in sorted(out[tid]):
            sys.stdout.write("%s%s = %r\n" % ("  " if prefix else "", name, out[tid][name]))


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] != "show":
        sys.stderr.write("usage: python -m flowc_runtime.client show [--json] -- RUNS_DIR RUN STEP [ARTIFACT]\n")
        sys.exit(2)
    sys.exit(_show(sys.argv[2:]))
