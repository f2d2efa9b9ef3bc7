from metaflow import FlowSpec, parallel, step


class NumParallelFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.train, num_parallel=4)  # want invalid-transition "num_parallel"

    @parallel  # want decorator "parallel"
    @step
    def train(self):
        self.next(self.join)

    @step
    def join(self, inputs):
        self.next(self.end)

    @step
    def end(self):
        pass
