from metaflow import FlowSpec, JSONType, Parameter, step


class ParameterFlow(FlowSpec):
    """Parameters of every type."""

    greeting = Parameter("greeting", help="Who to greet", default="world")
    count = Parameter("count", help="How many times", default=3)
    alpha = Parameter("alpha", help="Learning rate", type=float, default=0.01)
    verbose = Parameter("verbose", help="Talk more", default=False)
    config = Parameter("config", help="Settings as JSON", type=JSONType, default='{"depth": 2, "tags": ["a"]}')
    source = Parameter("source", help="Where the data is", required=True)
    limit = Parameter("limit", type=int, help="At most this many rows")

    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        pass
