from metaflow import FlowSpec, step


class SplitInForeachFlow(FlowSpec):
    @step
    def start(self):
        self.nums = [1, 2]
        self.next(self.fan, foreach="nums")

    @step
    def fan(self):
        self.n = self.input
        self.next(self.plus, self.times)

    @step
    def plus(self):
        self.r = self.n + 10
        self.next(self.inner_join)

    @step
    def times(self):
        self.r = self.n * 10
        self.next(self.inner_join)

    @step
    def inner_join(self, inputs):
        self.r = inputs.plus.r + inputs.times.r
        self.next(self.outer_join)

    @step
    def outer_join(self, inputs):
        self.total = sum(i.r for i in inputs)
        self.next(self.end)

    @step
    def end(self):
        pass
