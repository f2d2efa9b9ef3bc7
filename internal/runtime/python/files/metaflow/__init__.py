"""flowc's stand-in for Metaflow, so that unchanged Metaflow flows import and run under flowc
without Metaflow installed. Everything here is flowc_runtime's; see its docstring."""
from flowc_runtime import *  # noqa: F401,F403
from flowc_runtime import FlowcException as MetaflowException  # noqa: F401
from flowc_runtime.client import *  # noqa: F401,F403  (Flow, Run, namespace, ...)
from flowc_runtime.client import __all__ as _client_all
from flowc_runtime import __all__ as _runtime_all

__all__ = list(_runtime_all) + list(_client_all) + ["MetaflowException"]


class _Unavailable(object):
    """A Metaflow name that flowc's runtime does not provide (the client API, events, other
    compute backends). Used as a decorator it is ignored, as flowc ignores unknown decorators;
    called as anything else it fails with a message that names it."""

    def __init__(self, name):
        self._name = name

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and callable(args[0]) and not kwargs:
            return args[0]  # @name
        if not args:
            return lambda target: target  # @name(...)
        raise RuntimeError("metaflow.%s is not available in flowc's runtime: flowc runs steps "
                           "without Metaflow's service or client" % self._name)

    def __getattr__(self, attr):
        raise RuntimeError("metaflow.%s.%s is not available in flowc's runtime" % (self._name, attr))


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return _Unavailable(name)
