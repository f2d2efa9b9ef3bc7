from metaflow import FlowSpec, step


class CycleFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.a)

    @step
    def a(self):
        self.next(self.b)

    @step
    def b(self):
        self.next(self.a)  # want cycle "cycle"

    @step
    def end(self):  # want unreachable "end"
        pass
