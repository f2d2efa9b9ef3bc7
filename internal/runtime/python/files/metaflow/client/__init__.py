"""flowc's stand-in for metaflow.client: the client API, as `from metaflow import Flow` gives it."""
from flowc_runtime.client import (  # noqa: F401
    DataArtifact,
    Flow,
    MetaflowNotFound,
    Run,
    Step,
    Task,
    default_namespace,
    get_metadata,
    get_namespace,
    metadata,
    namespace,
)

__all__ = ["Flow", "Run", "Step", "Task", "DataArtifact", "MetaflowNotFound", "namespace",
           "get_namespace", "default_namespace", "get_metadata", "metadata"]
