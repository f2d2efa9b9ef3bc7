"""flowc's Python step runtime, and the flow API that the `metaflow` and `flowc` shims re-export.

Standard library only; Python 3.8 or newer. Each step of a flow runs in its own process, in
the Argo pod and under `flowc run` alike, with the build context as its working directory:

    python -m flowc_runtime step STEP --flow FILE.py --class CLASSNAME --out OUTDIR
        [--in PARENT=DIR]...        state of a parent step: DIR/state.pkl
        [--in-foreach PARENT=DIR]   a foreach join's children: DIR/<i>/state.pkl, i = 0, 1, ...
        [--index N]                 first step of a foreach body: this child's index
        [--param NAME=VALUE]...     flow parameters as strings, converted by their type
        [--next A,B] [--foreach VAR]  the compiled transition; self.next must match it

It writes OUTDIR/state.pkl (see state.py) and, for a foreach step, OUTDIR/foreach.json, the
child indices [0,1,...,n-1]. `python -m flowc_runtime dump DIR [--flow FILE.py]` prints a
state as JSON.

Environment:
    FLOWC_RUN_ID       current.run_id (default "local")
    FLOWC_TASK_ID      current.task_id (default: the foreach index path such as "2-0", or "0")
    FLOWC_RETRY_COUNT  the 0-based attempt, current.retry_count (default 0); with @retry,
                       @catch takes over only on the last attempt (retry_count >= times).
                       Unset, @catch takes over on the first failure.

Exit codes: 0 the step ran (or failed under @catch); 1 the step failed or its input was bad,
with a one-line "flowc: ..." message on stderr after the user's traceback; 2 usage.
"""
from .decorators import (
    batch,
    card,
    catch,
    conda,
    conda_base,
    environment,
    kubernetes,
    parallel,
    project,
    pypi,
    pypi_base,
    resources,
    retry,
    schedule,
    secrets,
    step,
    timeout,
    trigger,
    trigger_on_finish,
)
from .errors import (
    CaughtException,
    FlowcException,
    InvalidNextException,
    MergeArtifactsException,
)
from .config import Config, ConfigValue, config_expr
from .flowspec import FlowSpec
from .parameters import IncludeFile, JSONType, Parameter
from .runinfo import current

__all__ = [
    "CaughtException",
    "Config",
    "ConfigValue",
    "FlowSpec",
    "FlowcException",
    "IncludeFile",
    "InvalidNextException",
    "JSONType",
    "MergeArtifactsException",
    "Parameter",
    "batch",
    "card",
    "catch",
    "conda",
    "conda_base",
    "config_expr",
    "current",
    "environment",
    "kubernetes",
    "parallel",
    "project",
    "pypi",
    "pypi_base",
    "resources",
    "retry",
    "schedule",
    "secrets",
    "step",
    "timeout",
    "trigger",
    "trigger_on_finish",
]
