from metaflow import FlowMutator, FlowSpec, step


class AddTags(FlowMutator):
    def mutate(self, mutable_flow):
        pass


@AddTags
class MutatedFlow(FlowSpec):
    """A flow mutator runs user code when the flow is deployed: flowc refuses it when it compiles."""

    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        pass


if __name__ == "__main__":
    MutatedFlow()
