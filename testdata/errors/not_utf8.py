from metaflow import FlowSpec, step


class Latin1Flow(FlowSpec):
    @step
    def start(self):
        x = 'café'  # want syntax "byte 0xe9 is not UTF-8"
        self.next(self.end)

    @step
    def end(self):
        pass
