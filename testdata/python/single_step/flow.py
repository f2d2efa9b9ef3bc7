"""A flow of one step: it starts and ends there, as in Metaflow."""
from metaflow import FlowSpec, step


class SingleStepFlow(FlowSpec):
    @step
    def only(self):
        self.answer = 42
