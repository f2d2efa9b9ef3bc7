from metaflow import FlowSpec, step


class NoStartFlow(FlowSpec):  # want no-start "start"
    @step
    def begin(self):
        self.next(self.end)

    @step
    def end(self):
        pass
