"""FlowSpec, the base class of every flow: self.next, merge_artifacts, self.input, self.index.

An instance built by the runtime keeps its bookkeeping in private attributes (never artifacts):

    _flowc_ctx     the running step: its name and the transition self.next recorded
    _flowc_params  {attribute name: value} of the flow's parameters
    _flowc_frames  the foreach stack (state.Frame), outermost first
    _flowc_lazy    {artifact name: pickle} of the artifacts not yet read by the step
    _flowc_parent  {artifact name: pickle} of the artifacts the step started with
"""
import inspect
import os
import sys
import types

from . import state
from .decorators import is_step
from .errors import (FlowcException, InvalidNextException, MissingInMergeArtifactsException,
                     UnhandledInMergeArtifactsException, quote)
from .inputs import Inputs, values_agree


class Transition(object):
    """What a step's self.next asked for: the next steps and, for a foreach, its variable."""

    def __init__(self, targets, foreach=None, num_splits=None):
        self.targets = list(targets)
        self.foreach = foreach
        self.num_splits = num_splits

    def __str__(self):
        args = ["self.%s" % t for t in self.targets]
        if self.foreach is not None:
            args.append("foreach=%r" % self.foreach)
        return "self.next(%s)" % ", ".join(args)


class StepContext(object):
    """The step an instance runs and the transition it took."""

    def __init__(self, step):
        self.step = step
        self.transition = None


class FlowSpec(object):
    """The base class of flows. Steps are methods marked @step that end with self.next(...)."""

    def __init__(self, *args, **kwargs):
        # Metaflow's FlowSpec() parses the command line and runs the flow; flowc runs a flow
        # with `flowc run`, and each step in its own process, so creating one only says so.
        if type(self).__module__ == "__main__":
            sys.stderr.write("flowc: %s runs with `flowc run %s`\n"
                             % (type(self).__name__, os.path.basename(sys.argv[0] or "flow.py")))

    def __getattr__(self, name):
        # Called only when normal lookup fails: read an artifact from the state on first use.
        lazy = self.__dict__.get("_flowc_lazy")
        if lazy is None or name not in lazy:
            raise AttributeError("%r object has no attribute %r" % (type(self).__name__, name))
        value = state.decode("artifact %s" % quote(name), lazy[name])
        del lazy[name]
        self.__dict__[name] = value
        return value

    def __setattr__(self, name, value):
        if is_flow_constant(type(self), name):
            raise AttributeError("cannot assign to self.%s: flow-level attributes are read-only "
                                 "(as in Metaflow); store the value under another name" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        d = self.__dict__
        lazy = d.get("_flowc_lazy")
        if name in d:
            object.__delattr__(self, name)
        elif lazy is None or name not in lazy:
            object.__delattr__(self, name)  # raises AttributeError
        # As in Metaflow, an artifact the step got from its parent stays one: after `del self.x`,
        # self.x reads the parent's value again, and the next step gets it.
        parent = d.get("_flowc_parent") or {}
        if lazy is not None and name in parent:
            lazy[name] = parent[name]

    @property
    def index(self):
        """The index of this foreach child in its foreach (innermost), None outside a foreach."""
        frames = self.__dict__.get("_flowc_frames")
        return frames[-1].index if frames else None

    @property
    def input(self):
        """The item of the foreach list this child works on (innermost), None outside a foreach."""
        frames = self.__dict__.get("_flowc_frames")
        return frames[-1].value if frames else None

    def foreach_stack(self):
        """Returns [(index, num_splits, value)] of the enclosing foreaches, outermost first."""
        frames = self.__dict__.get("_flowc_frames") or []
        return [(f.index, f.num_splits, f.value) for f in frames]

    def next(self, *targets, **kwargs):
        """Records the transition of the step: self.next(self.a), self.next(self.a, self.b) or
        self.next(self.body, foreach="items"). It must be the step's last statement."""
        foreach = kwargs.pop("foreach", None)
        if kwargs.pop("condition", None) is not None or any(isinstance(t, dict) for t in targets):
            raise InvalidNextException("conditional branching (self.next({...}, condition=...)) "
                                       "is not supported by flowc")
        if kwargs.pop("num_parallel", None) is not None:
            raise InvalidNextException("num_parallel= is not supported by flowc")
        if kwargs:
            raise TypeError("self.next got unexpected arguments: %s" % ", ".join(sorted(kwargs)))
        ctx = self.__dict__.get("_flowc_ctx")
        if ctx is None:
            raise InvalidNextException("self.next can only be called in a step run by flowc")
        if ctx.transition is not None:
            raise InvalidNextException("step %s calls self.next more than once" % quote(ctx.step))
        if not targets:
            raise InvalidNextException("self.next needs at least one step")
        names = [self._target_name(t) for t in targets]
        num_splits = None
        if foreach is not None:
            if not isinstance(foreach, str):
                raise InvalidNextException("foreach= takes the name of an artifact, a string")
            if len(names) != 1:
                raise InvalidNextException("a foreach goes to exactly one step")
            num_splits = foreach_count(self, ctx.step, foreach)
        ctx.transition = Transition(names, foreach, num_splits)

    def _target_name(self, target):
        if getattr(target, "__self__", None) is self and is_step(target):
            return target.__name__
        raise InvalidNextException("self.next takes steps of this flow, such as self.end; got %r"
                                   % (target,))

    def merge_artifacts(self, inputs, exclude=None, include=None):
        """In a join, copies each artifact of the inputs that has the same value in every input
        having it. Artifacts already set on self are kept; conflicting values raise
        UnhandledInMergeArtifactsException naming them unless exclude lists them."""
        if not isinstance(inputs, Inputs):
            # Metaflow raises its MetaflowException here, which flows catch by that name.
            raise FlowcException("merge_artifacts can only be called in a join, with the "
                                 "inputs argument of the join step")
        exclude, include = set(exclude or ()), list(include or ())
        if exclude and include:
            raise FlowcException("merge_artifacts takes include or exclude, not both")
        available = sorted(set().union(*(v._artifact_names() for v in inputs)))
        missing = [n for n in include if n not in available and not hasattr(self, n)]
        if missing:
            verb = "is" if len(missing) == 1 else "are"
            raise MissingInMergeArtifactsException(
                "merge_artifacts: %s named in include %s in no input" % (_names(missing), verb),
                missing)
        lazy = self.__dict__.get("_flowc_lazy") or {}
        merged, conflicts = {}, []
        for name in include or available:
            if name in exclude or name in self.__dict__ or name in lazy:
                continue
            if hasattr(type(self), name):  # a parameter, or another class attribute
                continue
            holders = [v for v in inputs if v._has(name)]
            if values_agree(name, holders):
                merged[name] = holders[0]._value(name)
            else:
                conflicts.append(name)
        if conflicts:
            ctx = self.__dict__.get("_flowc_ctx")
            step = quote(ctx.step) if ctx else "this step"
            them = "it" if len(conflicts) == 1 else "them"
            raise UnhandledInMergeArtifactsException(
                "step %s cannot merge %s: the inputs have different values; set %s on self "
                "before merge_artifacts, or exclude %s" % (step, _names(conflicts), them, them),
                conflicts)
        for name in sorted(merged):
            setattr(self, name, merged[name])


# Names of FlowSpec that Metaflow never treats as flow-level constants.
_NOT_CONSTANTS = {"cmd", "foreach_stack", "index", "input", "script_name", "name"}


def is_flow_constant(cls, name):
    """Reports whether name is a public class-level value of the flow (WEIGHT = 10), which
    Metaflow makes read-only in every step: not a method, property, class or parameter."""
    if name.startswith("_") or name in _NOT_CONSTANTS:
        return False
    try:
        value = inspect.getattr_static(cls, name)
    except AttributeError:
        return False
    if isinstance(value, (property, type, types.FunctionType, staticmethod, classmethod)):
        return False
    return not hasattr(type(value), "__set__")  # parameters and configs refuse it themselves


def _names(names):
    noun = "artifact" if len(names) == 1 else "artifacts"
    return "%s %s" % (noun, ", ".join(quote(n) for n in names))


def foreach_count(flow, step, var):
    """Returns how many children a foreach over flow.<var> has; none is an error."""
    try:
        items = getattr(flow, var)
    except AttributeError:
        raise InvalidNextException("step %s has no artifact %s to foreach over"
                                   % (quote(step), quote(var)))
    try:
        count = len(list(items))
    except TypeError:
        raise InvalidNextException("foreach variable %s of step %s is not iterable (%s)"
                                   % (quote(var), quote(step), type(items).__name__))
    if count == 0:
        raise InvalidNextException("foreach variable %s of step %s is empty: a foreach needs at "
                                   "least one item" % (quote(var), quote(step)))
    return count
