from metaflow import FlowSpec, step


class StartIncomingFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.a)

    @step
    def a(self):
        self.next(self.start, self.end)  # want cycle "cycle"

    @step
    def end(self):
        pass
