"""`python -m flowc_runtime step ...`: runs a step and handles its failure, @catch included."""
import sys

from . import decorators, state
from .errors import ArtifactError, CaughtException, FlowcError, FlowcException, quote
from .flowspec import foreach_count
from .report import describe, user_traceback
from .runinfo import current, retry_count_known
from .task import Step


def run(args):
    """Runs the step described by the parsed command line; errors raise FlowcError."""
    _line_buffered()
    step = Step(args)
    flow, inputs = step.build()
    frames = flow.__dict__["_flowc_frames"]
    current._bind(step.cls.__name__, step.name, [f.index for f in frames],
                  sorted(p.name for p in step.defs.values()))
    error = _call(step.func, flow, inputs)
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


def _call(func, flow, inputs):
    try:
        if inputs is None:
            func(flow)
        else:
            func(flow, inputs)
    except (Exception, SystemExit) as e:
        return e
    return None


def _handle_failure(step, error):
    """Fails the step, or, under @catch on its last attempt, returns the flow to go on with."""
    text = user_traceback(error)
    catch = decorators.find(step.func, "catch")
    if catch is None or not _catch_applies(step.func):
        sys.stderr.write(text)
        note = ""
        if catch is not None:
            note = (" (attempt %d; @catch takes over after the last @retry)"
                    % (current.retry_count + 1))
        raise FlowcError("step %s failed: %s%s" % (quote(step.name), describe(error), note))
    if catch.get("print_exception", True):
        sys.stderr.write(text)
    # Like Metaflow's fallback task: the failed attempt's artifacts are dropped, the step's
    # inputs pass on, the exception is stored and the compiled transition is taken.
    flow, _ = step.build()
    var = catch.get("var")
    if var:
        caught = CaughtException(_type_name(error), " ".join(str(error).split()), text)
        try:
            setattr(flow, var, caught)
        except AttributeError as e:
            raise FlowcError("@catch(var=%r) of step %s: %s" % (var, quote(step.name), e))
    flow.__dict__["_flowc_ctx"].transition = step.expected()
    sys.stderr.write("flowc: step %s failed; @catch %s and the flow goes on\n"
                     % (quote(step.name), "stored it in self.%s" % var if var else "recorded it"))
    return flow


def _catch_applies(func):
    # With @retry, Argo runs the step again; @catch takes over on the last attempt only.
    # Without FLOWC_RETRY_COUNT the runtime cannot tell the attempts apart and catches at once.
    retry = decorators.find(func, "retry")
    if retry is None or not retry_count_known():
        return True
    return current.retry_count >= int(retry.get("times", 3))


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
                     flow.__dict__["_flowc_frames"], foreach)
    state.write(step.args.out, st)


def _artifacts(step, flow):
    """Returns {name: pickle} of the flow's public instance attributes, read or not."""
    d = flow.__dict__
    out = dict(d.get("_flowc_lazy") or {})
    failures = []
    for name in sorted(d):
        if name.startswith("_"):
            continue
        try:
            out[name] = state.encode("artifact %s" % quote(name), d[name])
        except ArtifactError as e:
            failures.append(str(e))
    if failures:
        raise FlowcError("step %s: %s" % (quote(step.name), "; ".join(failures)))
    return out
