from metaflow import FlowSpec, step


class UnjoinedSplitFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.a, self.b)  # want unjoined-split "start"

    @step
    def a(self):
        self.next(self.end)

    @step
    def b(self):
        self.next(self.end)

    @step
    def end(self):
        pass
