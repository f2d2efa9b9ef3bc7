"""The inputs of a join step: `def join(self, inputs)`.

inputs iterates in a stable order: a static split's branches in the order of the --in flags,
a foreach's children by index. inputs.a (or inputs["a"]) is the input from branch step a
(in a foreach join, the last child, as in Metaflow);
inputs[0] is the first input. Each input shows its step's artifacts (and the flow's
parameters) as read-only attributes, and .index/.input of its foreach frame.
"""
from . import state
from .errors import quote


class InputView(object):
    """One input of a join: what its parent step left."""

    def __init__(self, step, artifacts, frame, params, cls=None):
        d = self.__dict__
        d["_step"] = step
        d["_raw"] = artifacts
        d["_frame"] = frame
        d["_params"] = params
        d["_cls"] = cls
        d["_cache"] = {}

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        if self._has(name):
            return self._value(name)
        if name in self._params:
            return self._params[name]
        if self._cls is not None and hasattr(self._cls, name):
            # In Metaflow an input is a copy of the flow: its class constants, methods and
            # properties are there too (inputs.a.LIMIT, inp.helper()), bound to the input.
            value = getattr(self._cls, name)
            get = getattr(type(value), "__get__", None)
            return get(value, self, self._cls) if get is not None else value
        raise AttributeError("input from step %s has no artifact %s"
                             % (quote(self._step), quote(name)))

    def __setattr__(self, name, value):
        raise AttributeError("the inputs of a join are read-only; set %s on self" % quote(name))

    @property
    def index(self):
        return self._frame.index if self._frame else None

    @property
    def input(self):
        return self._frame.value if self._frame else None

    def foreach_stack(self):
        f = self._frame
        return [(f.index, f.num_splits, f.value)] if f else []

    def __repr__(self):
        if self._frame is not None:
            return "<input %d from step %s>" % (self._frame.index, quote(self._step))
        return "<input from step %s>" % quote(self._step)

    def _artifact_names(self):
        return set(self._raw)

    def _has(self, name):
        return name in self._raw

    def _value(self, name):
        if name not in self._cache:
            what = "artifact %s of step %s" % (quote(name), quote(self._step))
            self._cache[name] = state.decode(what, self._raw[name])
        return self._cache[name]


class Inputs(object):
    """The inputs of a join, in a stable order."""

    def __init__(self, views, foreach):
        self._views = list(views)
        self._foreach = foreach

    def __iter__(self):
        return iter(self._views)

    def __len__(self):
        return len(self._views)

    def __getitem__(self, key):
        if isinstance(key, str):
            return self._by_step(key)
        return self._views[key]

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self._by_step(name)

    def __repr__(self):
        return "<inputs %s>" % ", ".join(repr(v) for v in self._views)

    def _by_step(self, name):
        # As in Metaflow, inputs.<step> is the last input from that step: in a foreach join,
        # the last child.
        for view in reversed(self._views):
            if view._step == name:
                return view
        raise AttributeError("the join has no input from step %s (its inputs come from %s)"
                             % (quote(name), ", ".join(quote(v._step) for v in self._views)))


def values_agree(name, views):
    """Reports whether every view has the same value of artifact name: the same pickle, or
    values of one type that compare equal (pickles of equal sets can differ by process)."""
    raws = [v._raw[name] for v in views]
    if all(r == raws[0] for r in raws):
        return True
    first = views[0]._value(name)
    for view in views[1:]:
        other = view._value(name)
        if type(other) is not type(first) or not _equal(first, other):
            return False
    return True


def _equal(a, b):
    try:
        return bool(a == b)
    except Exception:  # e.g. arrays, whose == gives no single truth value
        return False
