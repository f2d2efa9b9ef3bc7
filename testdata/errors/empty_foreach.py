from metaflow import FlowSpec, step


class EmptyForeachFlow(FlowSpec):
    @step
    def start(self):
        self.items = [1, 2]
        self.next(self.join, foreach="items")  # want empty-foreach "foreach"

    @step
    def join(self, inputs):
        self.next(self.end)

    @step
    def end(self):
        pass
