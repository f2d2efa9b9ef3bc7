"""flowc's stand-in for Metaflow, so that unchanged Metaflow flows import and run under flowc
without Metaflow installed. Everything here is flowc_runtime's; see its docstring.

flowc's compiler refuses a name that is not in __all__ (it reads this file's list), so a flow
that compiles imports; a name reached otherwise (getattr, a module imported at run time) is a
stand-in that fails with a message saying so when it is used."""
from flowc_runtime import *  # noqa: F401,F403
from flowc_runtime import FlowcException as MetaflowException  # noqa: F401
from flowc_runtime.client import *  # noqa: F401,F403  (Flow, Run, namespace, ...)
from flowc_runtime.client import __all__ as _client_all
from flowc_runtime import __all__ as _runtime_all

__all__ = list(_runtime_all) + list(_client_all) + ["MetaflowException"]


class _Unavailable(object):
    """A Metaflow name that flowc's runtime does not provide. Any use fails with a message that
    names it and says what flowc provides: it is never silently a no-op."""

    def __init__(self, name):
        self._name = name

    def _fail(self, what):
        raise RuntimeError("metaflow.%s%s is not provided by flowc's runtime (flowc runs steps "
                           "without Metaflow's service); metaflow provides %s"
                           % (self._name, what, ", ".join(sorted(__all__))))

    def __call__(self, *args, **kwargs):
        self._fail("")

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        self._fail("." + attr)

    def __iter__(self):
        self._fail("")

    def __bool__(self):
        self._fail("")

    def __repr__(self):
        return "<metaflow.%s: not provided by flowc>" % self._name


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    # `from metaflow import exception` asks this hook before it looks for a submodule: a
    # submodule of the runtime (metaflow.exception, metaflow.cards, ...) is imported, not stood in.
    import importlib
    import importlib.util

    if importlib.util.find_spec(__name__ + "." + name) is not None:
        return importlib.import_module(__name__ + "." + name)
    return _Unavailable(name)
