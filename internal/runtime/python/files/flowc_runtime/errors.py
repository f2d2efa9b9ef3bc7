"""Errors of the runtime and the object that @catch stores for a failed step."""


class FlowcError(Exception):
    """A problem the runtime reports as one line, "flowc: <message>", exiting with code."""

    def __init__(self, message, code=1):
        super().__init__(message)
        self.code = code


class UsageError(FlowcError):
    """A malformed command line: exit code 2."""

    def __init__(self, message):
        super().__init__(message, code=2)


class FlowcException(Exception):
    """Base class of the errors a flow's own code can run into (Metaflow's MetaflowException)."""


class InvalidNextException(FlowcException):
    """self.next was called in a way flowc cannot run."""


class MergeArtifactsException(FlowcException):
    """merge_artifacts found artifacts whose values differ between the inputs of a join."""

    def __init__(self, message, artifact_names=()):
        super().__init__(message)
        self.artifact_names = list(artifact_names)


class UnhandledInMergeArtifactsException(MergeArtifactsException):
    """merge_artifacts found conflicting values (Metaflow's name for the error)."""


class MissingInMergeArtifactsException(MergeArtifactsException):
    """merge_artifacts(include=...) named an artifact that no input has (Metaflow's name)."""


class TimeoutException(FlowcException):
    """A step ran past its @timeout. Raised inside the step, as Metaflow's @timeout does, so that
    @retry runs it again and @catch can take over."""


# Its qualified name is Metaflow's, so that @catch's .type reads the same in both.
TimeoutException.__module__ = "metaflow.plugins.timeout_decorator"


class ArtifactError(FlowcException):
    """An artifact could not be pickled or unpickled."""


class CaughtException(Exception):
    """What @catch(var=...) stores when a step raises, as Metaflow's MetaflowExceptionWrapper:
    .type is the exception's qualified type ("builtins.ValueError"), .exception its str(),
    .stacktrace the traceback, and str() the traceback too.
    """

    def __init__(self, type_name, message, traceback_text):
        super().__init__(message)
        self.type = type_name
        self.message = message
        self.traceback = traceback_text

    def __reduce__(self):
        return (CaughtException, (self.type, self.message, self.traceback))

    @property
    def exception(self):
        return self.message

    @property
    def stacktrace(self):
        return self.traceback

    def __str__(self):
        if self.traceback:
            return self.traceback
        return "[no stacktrace]\n%s: %s" % (self.type, self.message)

    def __repr__(self):
        return str(self)  # as Metaflow's wrapper: flowc show prints the traceback


def quote(name):
    """Quotes a name for a message the way flowc's diagnostics do: "name"."""
    return '"%s"' % name
