from metaflow import FlowSpec, step


class MergeArtifactsFlow(FlowSpec):
    """merge_artifacts takes what the branches agree on or only one of them set; a conflict is
    resolved by setting it first or excluding it."""

    @step
    def start(self):
        self.shared = "from start"
        self.conflict = 0
        self.next(self.a, self.b)

    @step
    def a(self):
        self.only_a = "a"
        self.conflict = 1
        self.dropped = "a"
        self.next(self.join)

    @step
    def b(self):
        self.only_b = "b"
        self.conflict = 2
        self.dropped = "b"
        self.next(self.join)

    @step
    def join(self, inputs):
        self.conflict = max(i.conflict for i in inputs)
        self.merge_artifacts(inputs, exclude=["dropped"])
        self.has_dropped = hasattr(self, "dropped")
        self.next(self.end)

    @step
    def end(self):
        print(self.shared, self.only_a, self.only_b, self.conflict)


if __name__ == "__main__":
    MergeArtifactsFlow()
