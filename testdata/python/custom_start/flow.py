"""Custom start and end steps: @step(start=True) and @step(end=True) name where the run begins
and finishes, whatever the steps are called."""
from metaflow import FlowSpec, step


class CustomStartFlow(FlowSpec):
    @step(start=True)
    def load(self):
        self.numbers = [1, 2, 3]
        self.next(self.square, foreach="numbers")

    @step
    def square(self):
        self.value = self.input * self.input
        self.next(self.collect)

    @step
    def collect(self, inputs):
        self.total = sum(i.value for i in inputs)
        self.next(self.report)

    @step(end=True)
    def report(self):
        print("total", self.total)

