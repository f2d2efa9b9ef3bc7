from metaflow import FlowSpec, Parameter, step


class ForeachFlow(FlowSpec):
    n = Parameter("n", default=3)

    @step
    def start(self):
        self.items = list(range(1, self.n + 1))
        self.next(self.square, foreach="items")

    @step
    def square(self):
        self.sq = self.input * self.input
        self.my_index = self.index
        self.next(self.add_one)

    @step
    def add_one(self):
        # Later steps of the body keep the foreach input and index.
        self.plus = self.sq + 1
        self.later = (self.index, self.input)
        self.next(self.join)

    @step
    def join(self, inputs):
        self.total = sum(inp.sq for inp in inputs)
        self.indices = [inp.index for inp in inputs]
        self.inputs_seen = [inp.input for inp in inputs]
        self.later = [inp.later for inp in inputs]
        self.index_after_join = self.index
        self.next(self.end)

    @step
    def end(self):
        pass
