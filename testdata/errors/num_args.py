from metaflow import FlowSpec, step


class NumArgsFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.a)

    @step
    def a(self, inputs, extra):  # want num-args "too many"
        self.next(self.end)

    @step
    def end(self):
        pass
