"""The state a step leaves for the steps after it: OUTDIR/state.pkl (and foreach.json).

state.pkl is a pickle (protocol 4) of a dict:

    format         "flowc-state"
    version        1
    flow, step     the flow class and the step that wrote the file
    artifacts      {artifact name: pickle of its value}, sorted by name
    params         {parameter name: pickle of its value}, as resolved in the start step
    param_attrs    {parameter name: the flow's attribute name} of the parameters whose attribute
                   is named otherwise (`lr = Parameter("learning-rate")`); absent when none is.
                   The client API names such an artifact by its attribute, as Metaflow does
    foreach_stack  [frame, ...], outermost first; a frame is a dict of step (the foreach
                   step), var, index, num_splits and value (a pickle of this child's item)
    foreach        {"var": name, "num_splits": n} when the step ended in a foreach, else None

Each value is pickled on its own: one that cannot be pickled is named in the error, and a step
that does not touch an artifact passes its bytes on without unpickling them. A foreach step
also writes foreach.json, the child indices [0,1,...,n-1] that Argo's withParam fans out over.

When FLOWC_BLOB_DIR is set (by `flowc run`: the run's blobs/ directory), an artifact whose
pickle is BLOB_MIN bytes or more is stored once, content-addressed, as
$FLOWC_BLOB_DIR/sha256/<hex>, and the state holds {"blob": "<hex>", "size": n} in its place:
an artifact that steps pass on unchanged is one file for the whole run, not one per step.
"""
import hashlib
import json
import os
import pickle
import re

from .errors import ArtifactError, FlowcError, quote

PROTOCOL = 4
FORMAT = "flowc-state"
VERSION = 1
STATE_FILE = "state.pkl"
FOREACH_FILE = "foreach.json"
CAUGHT_FILE = "caught.json"  # written when @catch took over the step
END_FILE = "end.json"  # written by the end step, last: the run succeeded


def encode(what, value):
    """Pickles value; what names it in the error ("artifact \"x\"")."""
    try:
        return pickle.dumps(value, protocol=PROTOCOL)
    except Exception as e:
        raise ArtifactError("%s cannot be pickled: %s: %s" % (what, type(e).__name__, e))


BLOB_MIN = 64 * 1024
BLOB_ENV = "FLOWC_BLOB_DIR"


def _blob_path(digest):
    root = os.environ.get(BLOB_ENV)
    if not root:
        raise ArtifactError("the state refers to a stored blob, but %s is not set" % BLOB_ENV)
    if not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise ArtifactError("bad blob reference %r" % digest)
    return os.path.join(root, "sha256", digest)


def _read_blob(ref):
    path = _blob_path(ref.get("blob", ""))
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise ArtifactError("cannot read blob %s: %s" % (path, e.strerror or e))


def _store_blobs(artifacts):
    """Replaces the large pickles in artifacts by references to blobs, written when missing."""
    if not os.environ.get(BLOB_ENV):
        return artifacts
    out = {}
    for name, raw in artifacts.items():
        if isinstance(raw, bytes) and len(raw) >= BLOB_MIN:
            digest = hashlib.sha256(raw).hexdigest()
            path = _blob_path(digest)
            if not os.path.exists(path):
                os.makedirs(os.path.dirname(path), exist_ok=True)
                atomic_write(path, raw)
            raw = {"blob": digest, "size": len(raw)}
        out[name] = raw
    return out


def decode(what, raw):
    """Unpickles raw (or the blob it refers to); what names it in the error."""
    if isinstance(raw, dict):
        raw = _read_blob(raw)
    try:
        return pickle.loads(raw)
    except Exception as e:
        raise ArtifactError("%s cannot be unpickled: %s: %s" % (what, type(e).__name__, e))


_UNSET = object()


class Frame(object):
    """One level of foreach: the child number index of num_splits, over var of step."""

    def __init__(self, step, var, index, num_splits, raw):
        self.step = step
        self.var = var
        self.index = index
        self.num_splits = num_splits
        self.raw = raw
        self._value = _UNSET

    @property
    def value(self):
        if self._value is _UNSET:
            self._value = decode("the foreach item of step %s" % quote(self.step), self.raw)
        return self._value

    def to_dict(self):
        return {"step": self.step, "var": self.var, "index": self.index,
                "num_splits": self.num_splits, "value": self.raw}

    @classmethod
    def from_dict(cls, d):
        return cls(d["step"], d["var"], d["index"], d["num_splits"], d["value"])


class State(object):
    """The content of one state.pkl."""

    def __init__(self, flow, step, artifacts=None, params=None, frames=None, foreach=None,
                 param_attrs=None):
        self.flow = flow
        self.step = step
        self.artifacts = dict(artifacts or {})
        self.params = dict(params or {})
        self.frames = list(frames or [])
        self.foreach = foreach
        self.param_attrs = dict(param_attrs or {})

    def to_bytes(self):
        data = {
            "format": FORMAT,
            "version": VERSION,
            "flow": self.flow,
            "step": self.step,
            "artifacts": {k: self.artifacts[k] for k in sorted(self.artifacts)},
            "params": {k: self.params[k] for k in sorted(self.params)},
            "foreach_stack": [f.to_dict() for f in self.frames],
            "foreach": self.foreach,
        }
        if self.param_attrs:
            data["param_attrs"] = {k: self.param_attrs[k] for k in sorted(self.param_attrs)}
        return pickle.dumps(data, protocol=PROTOCOL)

    @classmethod
    def from_bytes(cls, raw, path):
        try:
            data = pickle.loads(raw)
        except Exception as e:
            raise FlowcError("%s is not a flowc state file: %s" % (path, e))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise FlowcError("%s is not a flowc state file" % path)
        if data.get("version") != VERSION:
            raise FlowcError("%s has state version %r; this runtime reads version %d"
                             % (path, data.get("version"), VERSION))
        frames = [Frame.from_dict(f) for f in data["foreach_stack"]]
        return cls(data["flow"], data["step"], data["artifacts"], data["params"], frames,
                   data["foreach"], data.get("param_attrs"))


def load(directory, parent):
    """Reads directory/state.pkl, written by step parent."""
    path = os.path.join(directory, STATE_FILE)
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise FlowcError("cannot read the state of step %s: %s"
                         % (quote(parent), _os_message(e, path)))
    return State.from_bytes(raw, path)


def load_children(directory, parent):
    """Reads directory/<i>/state.pkl for i = 0, 1, ...: the children of a foreach, in order."""
    try:
        names = os.listdir(directory)
    except OSError as e:
        raise FlowcError("cannot read the foreach children of step %s: %s"
                         % (quote(parent), _os_message(e, directory)))
    indices = sorted(int(n) for n in names if re.match(r"^[0-9]+$", n))
    if not indices:
        raise FlowcError("no foreach children of step %s in %s" % (quote(parent), directory))
    if indices != list(range(len(indices))):
        missing = sorted(set(range(indices[-1] + 1)) - set(indices))
        raise FlowcError("foreach child %d of step %s is missing from %s"
                         % (missing[0], quote(parent), directory))
    return [load(os.path.join(directory, str(i)), parent) for i in indices]


def write(outdir, state, end=False):
    """Writes state.pkl, foreach.json when the step ended in a foreach, and end.json when it is
    the flow's end step: {"flow", "step"}, which tells a reader of the artifact repository that
    the run succeeded (and whose run it is) without unpickling anything."""
    os.makedirs(outdir, exist_ok=True)
    state.artifacts = _store_blobs(state.artifacts)
    atomic_write(os.path.join(outdir, STATE_FILE), state.to_bytes())
    if state.foreach is not None:
        indices = list(range(state.foreach["num_splits"]))
        atomic_write(os.path.join(outdir, FOREACH_FILE),
                     json.dumps(indices, separators=(",", ":")).encode("ascii"))
    if end:
        atomic_write(os.path.join(outdir, END_FILE), json.dumps(
            {"flow": state.flow, "step": state.step}, sort_keys=True).encode("utf-8"))


def atomic_write(path, data):
    """Writes data to path through a temporary file and a rename, so readers never see half."""
    tmp = "%s.tmp-%d" % (path, os.getpid())
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _os_message(e, path):
    return "%s: %s" % (path, e.strerror or e)
