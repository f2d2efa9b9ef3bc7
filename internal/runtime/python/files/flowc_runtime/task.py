"""Runs one step of a flow in this process: load the flow, restore its state, call the step,
check the transition it took against the compiled one, and write its state."""
import importlib.util
import os
import sys

from . import decorators, parameters, state
from .errors import ArtifactError, FlowcError, quote
from .flowspec import FlowSpec, StepContext, Transition
from .inputs import InputView, Inputs
from .report import describe, user_traceback

# The module name the flow file is imported as: not __main__, so its
# `if __name__ == "__main__":` block does not run. Pickles of classes the flow file
# defines refer to it, so every step imports the flow under this same name.
FLOW_MODULE = "flowc_flow"


def load_flow(path, class_name):
    """Imports the flow file (its directory first on sys.path) and returns the flow class."""
    module = import_flow(path)
    cls = getattr(module, class_name, None)
    if not isinstance(cls, type):
        raise FlowcError("%s defines no class %s" % (path, quote(class_name)))
    if not issubclass(cls, FlowSpec):
        raise FlowcError("class %s does not derive from flowc's FlowSpec (is the build context's "
                         "metaflow/ package first on sys.path?)" % quote(class_name))
    return cls


# The build context's root: the directory that holds this package. In a pod it is also the
# working directory; `flowc run` keeps the user's working directory, so that relative paths in
# parameters mean what they mean on the command line, and puts the context on PYTHONPATH.
CONTEXT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def import_flow(path):
    """Imports the flow file as module flowc_flow, with its directory first on sys.path.

    A relative path is relative to the build context, wherever the step runs from."""
    path = os.path.join(CONTEXT_ROOT, path)
    if not os.path.isfile(path):
        raise FlowcError("flow file %s does not exist" % path)
    flow_dir = os.path.dirname(path)
    if sys.path[0] != flow_dir:
        sys.path.insert(0, flow_dir)
    spec = importlib.util.spec_from_file_location(FLOW_MODULE, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[FLOW_MODULE] = module
    try:
        spec.loader.exec_module(module)
    except Exception as e:
        sys.stderr.write(user_traceback(e))
        raise FlowcError("cannot load the flow file %s: %s" % (path, describe(e)))
    return module


def find_step(cls, name):
    """Returns the function of step name of cls."""
    func = getattr(cls, name, None)
    if func is None or not callable(func) or not decorators.is_step(func):
        raise FlowcError("class %s has no step %s" % (quote(cls.__name__), quote(name)))
    return func


def takes_inputs(func):
    """Reports whether a step is a join: def join(self, inputs)."""
    func = getattr(func, "__wrapped__", func)  # under a functools.wraps decorator
    code = getattr(func, "__code__", None)
    return code is not None and code.co_argcount >= 2


class Step(object):
    """One step to run, from the command line (see cli.py for the flags)."""

    def __init__(self, args):
        self.args = args
        self.name = args.step
        self.cls = load_flow(args.flow, args.cls)
        self.func = find_step(self.cls, self.name)
        self.join = takes_inputs(self.func)
        self._check_shape()
        self.defs = parameters.definitions(self.cls)
        self.parents = [(p, state.load(d, p)) for p, d in args.inputs]
        self.children = []
        if args.in_foreach:
            self.children = state.load_children(args.in_foreach[1], args.in_foreach[0])
        self.params = self._resolve_params()

    def _check_shape(self):
        a, step = self.args, quote(self.name)
        if self.join:
            if not a.inputs and not a.in_foreach:
                raise FlowcError("join step %s needs --in or --in-foreach" % step)
            if a.index is not None:
                raise FlowcError("join step %s takes no --index" % step)
            return
        if a.in_foreach:
            raise FlowcError("step %s is not a join (def %s(self, inputs)) but got --in-foreach; "
                             "recompile the flow" % (step, self.name))
        if len(a.inputs) > 1:
            raise FlowcError("step %s is not a join (def %s(self, inputs)) but got %d --in; "
                             "recompile the flow" % (step, self.name, len(a.inputs)))
        if a.index is not None and not a.inputs:
            raise FlowcError("--index needs the --in of the foreach step")

    def _first_source(self):
        if self.parents:
            return self.parents[0][1]
        return self.children[0] if self.children else None

    def _resolve_params(self):
        source = self._first_source()
        carried = {}
        for name, raw in sorted((source.params if source else {}).items()):
            carried[name] = state.decode("parameter %s" % quote(name), raw)
        try:
            return parameters.resolve(self.defs, self.args.params, carried, self.cls.__name__)
        except ArtifactError as e:
            raise FlowcError(str(e))

    def encoded_params(self):
        out = {}
        for attr, p in self.defs.items():
            out[p.name] = state.encode("parameter %s" % quote(p.name), self.params[attr])
        return out

    def param_attrs(self):
        """Returns {parameter name: attribute name} of the parameters named otherwise."""
        return {p.name: attr for attr, p in self.defs.items() if p.name != attr}

    def build(self):
        """Returns a fresh flow instance with the step's state, and the join's inputs or None."""
        if self.children:
            return self._build_foreach_join()
        if self.join:
            views = [InputView(p, st.artifacts, st.frames[-1] if st.frames else None, self.params,
                               self.cls) for p, st in self.parents]
            return self._new_flow({}, self.parents[0][1].frames), Inputs(views, foreach=False)
        if not self.parents:
            return self._new_flow({}, []), None
        parent, st = self.parents[0]
        frames = list(st.frames)
        if self.args.index is not None:
            frames.append(self._child_frame(parent, st, self.args.index))
        return self._new_flow(st.artifacts, frames), None

    def _build_foreach_join(self):
        parent = self.args.in_foreach[0]
        for i, st in enumerate(self.children):
            top = st.frames[-1] if st.frames else None
            if top is None or top.index != i:
                raise FlowcError("the state in child %d of step %s is not foreach child %d"
                                 % (i, quote(parent), i))
            if top.num_splits != len(self.children):
                raise FlowcError("the foreach before step %s has %d children, found %d"
                                 % (quote(parent), top.num_splits, len(self.children)))
        views = [InputView(parent, st.artifacts, st.frames[-1], self.params, self.cls)
                 for st in self.children]
        return self._new_flow({}, self.children[0].frames[:-1]), Inputs(views, foreach=True)

    def _child_frame(self, parent, st, index):
        if st.foreach is None:
            raise FlowcError("step %s did not end in a foreach, so --index does not apply"
                             % quote(parent))
        var = st.foreach["var"]
        if var in st.artifacts:
            items = state.decode("artifact %s" % quote(var), st.artifacts[var])
        else:
            items = self._param_value(var)
        items = list(items)
        if not 0 <= index < len(items):
            raise FlowcError("--index %d is out of range: the foreach of step %s has %d items"
                             % (index, quote(parent), len(items)))
        raw = state.encode("item %d of foreach variable %s" % (index, quote(var)), items[index])
        return state.Frame(parent, var, index, len(items), raw)

    def _param_value(self, attr):
        # A foreach may go over a parameter, which travels in params, not artifacts.
        if attr not in self.params:
            raise FlowcError("the state of the foreach has no artifact %s" % quote(attr))
        return self.params[attr]

    def _new_flow(self, artifacts, frames):
        flow = self.cls.__new__(self.cls)
        d = flow.__dict__
        d["_flowc_ctx"] = StepContext(self.name)
        d["_flowc_params"] = self.params
        d["_flowc_frames"] = list(frames)
        d["_flowc_lazy"] = dict(artifacts)
        d["_flowc_parent"] = dict(artifacts)  # what `del self.x` falls back to (flowspec.py)
        for name in sorted(artifacts):
            if hasattr(self.cls, name):
                # A class attribute of that name would win over __getattr__: load it now.
                d[name] = state.decode("artifact %s" % quote(name), d["_flowc_lazy"].pop(name))
        return flow

    def expected(self):
        """Returns the compiled transition (--next, --foreach), or None for the end step."""
        if self.args.next is None:
            return None
        return Transition(self.args.next, self.args.foreach)
