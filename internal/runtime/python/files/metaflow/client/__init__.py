"""flowc's stand-in for metaflow.client: the client API, as `from metaflow import Flow` gives it."""
from metaflow.client.core import *  # noqa: F401,F403

__all__ = ["Flow", "Run", "Step", "Task", "DataArtifact", "MetaflowNotFound", "namespace",
           "get_namespace", "default_namespace", "get_metadata", "metadata"]
