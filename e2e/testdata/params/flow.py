from metaflow import FlowSpec, JSONType, Parameter, step


class AwkwardParamsFlow(FlowSpec):
    """Parameter values arrive exactly as given at submit time."""

    text = Parameter("text", default="plain")
    count = Parameter("count", type=int, default=1)
    config = Parameter("config", type=JSONType, default='{"k": 1}')

    @step
    def start(self):
        self.text_seen = self.text
        self.count_seen = self.count
        self.config_seen = self.config
        self.next(self.end)

    @step
    def end(self):
        pass
