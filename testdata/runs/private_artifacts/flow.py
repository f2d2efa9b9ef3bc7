from metaflow import FlowSpec, step


class PrivateArtifactsFlow(FlowSpec):
    """As in Metaflow, self._x is an artifact: later steps and joins read it, merge_artifacts
    merges it, and the client API (flowc show) leaves it out of a task's artifacts."""

    @step
    def start(self):
        self._token = "secret"
        self.__mangled = "mangled"
        self.visible = 1
        self.next(self.a, self.b)

    @step
    def a(self):
        self._branch = "same"
        self.next(self.join)

    @step
    def b(self):
        self._branch = "same"
        self.next(self.join)

    @step
    def join(self, inputs):
        self.from_input = inputs.a._token
        self.merge_artifacts(inputs)
        self.next(self.end)

    @step
    def end(self):
        self.seen = [self._token, self._branch, self.__mangled, self.from_input]
        print("seen", self.seen)


if __name__ == "__main__":
    PrivateArtifactsFlow()
