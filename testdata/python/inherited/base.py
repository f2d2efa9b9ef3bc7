"""A base flow in its own module: its parameters and steps are the flow's."""
from metaflow import FlowSpec, Parameter, resources, step


class TrainingBase(FlowSpec):
    epochs = Parameter("epochs", default=3, help="How many passes over the data")

    @step
    def start(self):
        self.next(self.train)

    @resources(cpu=2)
    @step
    def train(self):
        self.score = self.epochs * 10
        self.next(self.end)

    @step
    def end(self):
        pass
