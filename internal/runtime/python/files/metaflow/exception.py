"""flowc's stand-in for metaflow.exception: the exception flows raise and catch by this name."""
from flowc_runtime import FlowcException as MetaflowException  # noqa: F401
from flowc_runtime.errors import (  # noqa: F401
    MissingInMergeArtifactsException,
    UnhandledInMergeArtifactsException,
)

__all__ = [
    "MetaflowException",
    "MissingInMergeArtifactsException",
    "UnhandledInMergeArtifactsException",
]
