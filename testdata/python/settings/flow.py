"""A flow compiled with a repository's flowc.yaml: workflow-level settings and defaults."""
from metaflow import FlowSpec, step


class SettingsFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        pass
