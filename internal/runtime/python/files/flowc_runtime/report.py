"""How the runtime tells a user that their code failed: their traceback, not the runtime's."""
import os
import traceback

_RUNTIME_DIR = os.path.dirname(os.path.abspath(__file__))


def _is_runtime(filename):
    if filename.startswith("<frozen"):
        return True  # importlib loading the flow module
    return os.path.abspath(filename).startswith(_RUNTIME_DIR + os.sep)


def user_traceback(exc):
    """Formats exc like Python does, without the runtime's own frames around the user's."""
    te = traceback.TracebackException(type(exc), exc, exc.__traceback__)
    frames = list(te.stack)
    while frames and _is_runtime(frames[0].filename):
        frames.pop(0)
    while frames and _is_runtime(frames[-1].filename):
        frames.pop()
    te.stack = traceback.StackSummary.from_list(frames)
    return "".join(te.format()) + _include_hint(exc)


def _include_hint(exc):
    """Says how to declare a data file the step looked for beside the flow, in the build
    context, where only the files flowc.yaml's include: lists are (as in the image)."""
    if not isinstance(exc, FileNotFoundError) or not isinstance(exc.filename, str):
        return ""
    context = os.path.dirname(_RUNTIME_DIR)
    path = os.path.abspath(exc.filename)
    if not path.startswith(context + os.sep):
        return ""
    rel = os.path.relpath(path, context).replace(os.sep, "/")
    return ("%s (beside the flow file) is not in the flow's build context: only files that "
            "flowc.yaml declares with include: go into the image; add a glob for it there "
            "(globs are relative to flowc.yaml's directory)\n" % rel)


def describe(exc):
    """Returns "Type: message" of exc on one line."""
    message = " ".join(str(exc).split())
    name = type(exc).__name__
    return "%s: %s" % (name, message) if message else name
