from metaflow import FlowSpec, step


class ForeachMultiStepFlow(FlowSpec):
    @step
    def start(self):
        self.words = ["a", "bb", "ccc"]
        self.next(self.measure, foreach="words")

    @step
    def measure(self):
        self.n = len(self.input)
        self.next(self.double)

    @step
    def double(self):
        self.n *= 2
        self.next(self.record)

    @step
    def record(self):
        self.line = "%s=%d" % (self.input, self.n)
        self.next(self.join)

    @step
    def join(self, inputs):
        self.lines = [i.line for i in inputs]
        self.next(self.end)

    @step
    def end(self):
        pass
