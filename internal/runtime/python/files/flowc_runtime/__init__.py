"""flowc's Python step runtime, and the flow API that the `metaflow` and `flowc` shims re-export.

Standard library only; Python 3.8 or newer. Each step of a flow runs in its own process, in
the Argo pod and under `flowc run` alike, with the build context as its working directory:

    python -m flowc_runtime step --flow FILE.py --class CLASSNAME --out OUTDIR STEP
        [--in-dir DIR]              where --in PARENT without =DIR reads: DIR/PARENT
        [--in PARENT[=DIR]]...      state of a parent step: DIR/state.pkl
        [--in-foreach PARENT[=DIR]] a foreach join's children: DIR/<i>/state.pkl, i = 0, 1, ...
        [--index N]                 first step of a foreach body: this child's index
        [--param NAME=BASE64]...    flow parameters as strings, converted by their type
        [--params-file FILE]        more of them, as a JSON object, for values too large for argv
        [--next A,B] [--foreach VAR]  the compiled transition; self.next must match it

STEP and the flags may come in any order (a pod's command holds what all steps share). That
command line, the environment (FLOWC_RUN_ID, FLOWC_TASK_ID, FLOWC_RETRY_COUNT,
FLOWC_RETRY_TIMES, FLOWC_CATCH, ...), the state layout and the exit codes (0 ran or caught, 1
failed, 2 usage) are flowc's step protocol, written down in internal/stepcmd/PROTOCOL.md of
flowc's repository; the Go SDK follows the same text, and one conformance suite runs both.
`python -m flowc_runtime dump DIR [--flow FILE.py]` prints a state as JSON.
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
