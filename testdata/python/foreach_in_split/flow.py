from metaflow import FlowSpec, step


class ForeachInSplitFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.plain, self.fanout)

    @step
    def plain(self):
        self.v = 1
        self.next(self.join)

    @step
    def fanout(self):
        self.items = ["x", "y"]
        self.next(self.body, foreach="items")

    @step
    def body(self):
        self.v = self.input
        self.next(self.fan_join)

    @step
    def fan_join(self, inputs):
        self.v = len(list(inputs))
        self.next(self.join)

    @step
    def join(self, inputs):
        self.next(self.end)

    @step
    def end(self):
        pass
