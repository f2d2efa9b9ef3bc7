"""`python -m flowc_runtime step ...`: runs a step and handles its failure, @catch included."""
import json
import os
import signal
import sys

from . import decorators, state
from .errors import (ArtifactError, CaughtException, FlowcError, FlowcException,
                     TimeoutException, quote)
from .config import Config
from .flowspec import foreach_count, is_flow_constant
from .report import describe, user_traceback
from .runinfo import current, retry_count_known
from .task import FLOW_MODULE, Step


def run(args):
    """Runs the step described by the parsed command line; errors raise FlowcError."""
    _line_buffered()
    # The output directory exists from the start, so that a failed attempt still leaves one for
    # Argo's wait container to find (PROTOCOL.md, "State").
    try:
        os.makedirs(args.out, exist_ok=True)
    except OSError as e:
        raise FlowcError("cannot create --out %s: %s" % (args.out, e.strerror or e))
    step = Step(args)
    flow, inputs = step.build()
    step.flow = flow
    frames = flow.__dict__["_flowc_frames"]
    current._bind(step.cls.__name__, step.name, [f.index for f in frames],
                  sorted(p.name for p in step.defs.values()),
                  decorators.find(step.cls, "project"))
    error = _call(step.func, flow, inputs, step.name)
    if error is not None:
        flow = _handle_failure(step, error)
    transition = flow.__dict__["_flowc_ctx"].transition
    _check_transition(step, transition)
    _save(step, flow, transition)


def _line_buffered():
    # Logs of a pod or of `flowc run` should show a step's prints as they happen.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(line_buffering=True)
        except (AttributeError, ValueError):
            pass


def _call(func, flow, inputs, name):
    secs = _timeout()
    try:
        if secs:
            _arm_timeout(secs, name)
        if inputs is None:
            func(flow)
        else:
            func(flow, inputs)
    except (Exception, SystemExit) as e:
        return e
    finally:
        if secs:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return None


def _timeout():
    """The step's @timeout in seconds, from FLOWC_TIMEOUT (PROTOCOL.md, "Retry and catch")."""
    raw = os.environ.get("FLOWC_TIMEOUT", "")
    try:
        return max(int(raw), 0) if raw else 0
    except ValueError:
        raise FlowcError("FLOWC_TIMEOUT=%r is not a number of seconds" % raw)


def _arm_timeout(secs, name):
    # As Metaflow's @timeout: the timeout is an exception raised in the step's code, which
    # @retry and @catch then handle like any other failure.
    def expired(signum, frame):
        raise TimeoutException("step %s timed out after %d seconds (@timeout)" % (quote(name), secs))
    signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, secs)


def _handle_failure(step, error):
    """Fails the step, or, under @catch on its last attempt, returns the flow to go on with."""
    text = user_traceback(error)
    catch = catch_spec()
    if catch is None or not _catch_applies():
        sys.stderr.write(text)
        note = ""
        if catch is not None:
            note = (" (attempt %d; @catch takes over after the last @retry)"
                    % (current.retry_count + 1))
        raise FlowcError("step %s failed: %s%s" % (quote(step.name), describe(error), note))
    if catch.get("print_exception", True):
        sys.stderr.write(text)
    # As Metaflow's @catch does: the artifacts the step set before the exception are kept, the
    # exception is stored, and the compiled transition is taken.
    flow = step.flow
    var = catch.get("var")
    if var:
        caught = CaughtException(_qualified_type(error), str(error), text)
        try:
            setattr(flow, var, caught)
        except AttributeError as e:
            raise FlowcError("@catch(var=%r) of step %s: %s" % (var, quote(step.name), e))
    flow.__dict__["_flowc_ctx"].transition = step.expected()
    # caught.json tells flowc run (and a reader of the run) that @catch took over.
    state.atomic_write(os.path.join(step.args.out, state.CAUGHT_FILE), json.dumps(
        {"type": _type_name(error), "message": " ".join(str(error).split())},
        sort_keys=True).encode("utf-8"))
    sys.stderr.write("flowc: step %s failed; @catch %s and the flow goes on\n"
                     % (quote(step.name), "stored it in self.%s" % var if var else "recorded it"))
    return flow


def catch_spec():
    """Returns the step's @catch from FLOWC_CATCH ("var=NAME,print_exception=false"), or None.

    The pod and `flowc run` set it for a step with @catch, in Python and Go flows alike: the
    protocol carries the decorator, so both runtimes decide the same way."""
    raw = os.environ.get("FLOWC_CATCH")
    if raw is None:
        return None
    spec = {"print_exception": True}
    for item in raw.split(","):
        key, _, value = item.strip().partition("=")
        if key == "var":
            spec["var"] = value
        elif key == "print_exception":
            spec["print_exception"] = value not in ("false", "False")
        elif key:
            raise FlowcError("FLOWC_CATCH=%r: unknown argument %r" % (raw, key))
    return spec


def _catch_applies():
    # With @retry, Argo runs the step again; @catch takes over on the last attempt only, that
    # is when FLOWC_RETRY_COUNT has reached FLOWC_RETRY_TIMES. Without both, it takes over at once.
    raw = os.environ.get("FLOWC_RETRY_TIMES", "").strip()
    if not raw or not retry_count_known():
        return True
    try:
        return current.retry_count >= int(raw)
    except ValueError:
        return True  # as the Go SDK reads it: an unreadable count cannot hold @catch back


def _qualified_type(error):
    # Metaflow's form: "builtins.ValueError"; the flow file's own classes are __main__'s there.
    cls = type(error)
    module = "__main__" if cls.__module__ == FLOW_MODULE else cls.__module__
    return "%s.%s" % (module, cls.__name__)


def _type_name(error):
    cls = type(error)
    if cls.__module__ in ("builtins", "__main__"):
        return cls.__name__
    return "%s.%s" % (cls.__module__, cls.__name__)


def _check_transition(step, got):
    want = step.expected()
    name = quote(step.name)
    if want is None:
        if got is not None:
            raise FlowcError("step %s calls %s, but the compiled flow ends there; recompile the "
                             "flow" % (name, got))
        return
    if got is None:
        raise FlowcError("step %s did not call self.next; the compiled flow expects %s"
                         % (name, want))
    if got.targets != want.targets or got.foreach != want.foreach:
        raise FlowcError("step %s called %s, but the compiled flow expects %s; recompile the flow"
                         % (name, got, want))


def _save(step, flow, transition):
    foreach = None
    if transition is not None and transition.foreach is not None:
        try:
            count = foreach_count(flow, step.name, transition.foreach)
        except FlowcException as e:
            raise FlowcError(str(e))
        except Exception as e:  # the user's iterable failed
            raise FlowcError("step %s: cannot count the foreach items: %s"
                             % (quote(step.name), describe(e)))
        foreach = {"var": transition.foreach, "num_splits": count}
    st = state.State(step.cls.__name__, step.name, _artifacts(step, flow), step.encoded_params(),
                     flow.__dict__["_flowc_frames"], foreach, step.param_attrs())
    state.write(step.args.out, st, end=step.expected() is None)


def _artifacts(step, flow):
    """Returns {name: pickle} of the flow's instance attributes, read or not.

    As in Metaflow, `self._x` is an artifact too (later steps read it; the client API does not
    list it); dunder names and flowc's own bookkeeping (_flowc_*) are not."""
    d = flow.__dict__
    out = dict(d.get("_flowc_lazy") or {})
    failures = []
    for name in sorted(d):
        if name.startswith("__") or name.startswith("_flowc_"):
            continue
        try:
            out[name] = state.encode("artifact %s" % quote(name), d[name])
        except ArtifactError as e:
            failures.append(str(e))
    if failures:
        raise FlowcError("step %s: %s" % (quote(step.name), "; ".join(failures)))
    out.update(_class_values(flow, out))
    return out


def _class_values(flow, have):
    """Returns {name: pickle} of the flow's class-level constants and configs, which Metaflow
    stores with every task (run.data.WEIGHT, run.data.cfg); steps read them from the class. One
    that cannot be pickled is left out rather than failing the step."""
    cls, out = type(flow), {}
    for name in dir(cls):
        if name in have or name in flow.__dict__:
            continue
        if not (is_flow_constant(cls, name) or isinstance(getattr(cls, name, None), Config)):
            continue
        try:
            out[name] = state.encode("artifact %s" % quote(name), getattr(flow, name))
        except (ArtifactError, FlowcError):
            continue
    return out
