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
    return "".join(te.format())


def describe(exc):
    """Returns "Type: message" of exc on one line."""
    message = " ".join(str(exc).split())
    name = type(exc).__name__
    return "%s: %s" % (name, message) if message else name
