from metaflow import FlowSpec, step


class UnreachableFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.end)

    @step
    def orphan(self):  # want unreachable "orphan"
        self.next(self.end)

    @step
    def end(self):
        pass
