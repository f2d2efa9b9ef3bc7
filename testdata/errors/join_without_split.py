from metaflow import FlowSpec, step


class JoinWithoutSplitFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.join)

    @step
    def join(self, inputs):  # want join-without-split "join"
        self.next(self.end)

    @step
    def end(self):
        pass
