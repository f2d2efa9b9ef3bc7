from metaflow import FlowSpec, step


class StepNameFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.Load)

    @step
    def Load(self):  # want step-name "Load"
        self.next(self.end)

    @step
    def end(self):
        pass
