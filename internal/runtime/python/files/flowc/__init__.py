"""flowc's Python flow API: `from flowc import FlowSpec, step, Parameter`.

Everything here is flowc_runtime's; see its docstring."""
from flowc_runtime import *  # noqa: F401,F403
from flowc_runtime import __all__  # noqa: F401
