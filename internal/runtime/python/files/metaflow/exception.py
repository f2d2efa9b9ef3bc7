"""flowc's stand-in for metaflow.exception: the exception flows raise and catch by this name."""
from flowc_runtime import FlowcException as MetaflowException  # noqa: F401

__all__ = [
    "MetaflowException",
]
