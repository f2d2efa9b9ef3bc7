from metaflow import FlowSpec, JSONType, Parameter, step


class ParameterFlow(FlowSpec):
    alpha = Parameter("alpha", default=1)
    again = Parameter("ALPHA", default=2)  # want parameter "duplicate|ALPHA"
    bad = Parameter("bad name", default="x")  # want parameter "bad name"
    conf = Parameter("conf", type=JSONType, default="{not json")  # want parameter "JSON|json"
    count = Parameter("count", type=int, default="many")  # want parameter "int|count"

    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        pass
