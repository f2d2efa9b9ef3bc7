from metaflow import FlowSpec, step
from metaflow.exception import (
    MetaflowException,
    MissingInMergeArtifactsException,
    UnhandledInMergeArtifactsException,
)


class MergeExceptionsFlow(FlowSpec):
    """merge_artifacts raises Metaflow's exceptions, which flows catch by their names, as
    Metaflow's own test flows do: outside a join, on a conflict, and for a missing include."""

    @step
    def start(self):
        try:
            self.merge_artifacts([])
        except MetaflowException:
            self.not_join = "refused"
        self.next(self.a, self.b)

    @step
    def a(self):
        self.c = 1
        self.next(self.join)

    @step
    def b(self):
        self.c = 2
        self.next(self.join)

    @step
    def join(self, inputs):
        try:
            self.merge_artifacts(inputs)
        except UnhandledInMergeArtifactsException:
            self.unhandled = "caught"
        try:
            self.merge_artifacts(inputs, include=["nope"])
        except MissingInMergeArtifactsException:
            self.missing = "caught"
        try:
            self.merge_artifacts(inputs, include=["c"], exclude=["c"])
        except MetaflowException:
            self.both = "refused"
        self.c = 3
        self.merge_artifacts(inputs, include=["c", "not_join"])
        self.next(self.end)

    @step
    def end(self):
        print("merged", self.not_join, self.unhandled, self.missing, self.both, self.c)


if __name__ == "__main__":
    MergeExceptionsFlow()
