import os

from metaflow import FlowSpec, environment, step


class EnvironmentFlow(FlowSpec):
    @environment(vars={"GREETING": "hello from @environment", "EMPTY": ""})
    @step
    def start(self):
        self.greeting = os.environ["GREETING"]
        self.empty = os.environ["EMPTY"]
        self.next(self.end)

    @step
    def end(self):
        pass
