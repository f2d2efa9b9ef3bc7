from metaflow import FlowSpec, step


class EndOutgoingFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        self.next(self.start)  # want end-outgoing "end"
