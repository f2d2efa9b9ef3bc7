"""flowc's stand-in for Metaflow, so that unchanged Metaflow flows import and run under flowc
without Metaflow installed. Everything here is flowc_runtime's; see its docstring."""
from flowc_runtime import *  # noqa: F401,F403
from flowc_runtime import FlowcException as MetaflowException  # noqa: F401
from flowc_runtime import __all__ as _runtime_all

__all__ = list(_runtime_all) + ["MetaflowException"]
