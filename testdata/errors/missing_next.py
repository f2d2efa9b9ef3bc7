from metaflow import FlowSpec, step


class MissingNextFlow(FlowSpec):
    @step
    def start(self):  # want missing-next "start"
        self.x = 1

    @step
    def end(self):  # want unreachable "end"
        pass
