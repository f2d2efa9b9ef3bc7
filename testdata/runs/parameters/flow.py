from metaflow import FlowSpec, JSONType, Parameter, step


class ParametersFlow(FlowSpec):
    """Parameters of each type: their defaults, values given on the command line, the empty
    string, and a JSON value."""

    count = Parameter("count", default=2, help="an int")
    ratio = Parameter("ratio", default=0.5, help="a float")
    who = Parameter("who", default="world", help="a string")
    loud = Parameter("loud", default=False, type=bool, help="a bool")
    note = Parameter("note", default="unset", help="set to the empty string")
    config = Parameter("config", default='{"k": [1, 2]}', type=JSONType, help="JSON")

    @step
    def start(self):
        self.greeting = ("HELLO " if self.loud else "hello ") + self.who
        self.scaled = self.count * self.ratio
        self.note_seen = self.note
        self.config_k = self.config["k"]
        self.types = [type(v).__name__ for v in (self.count, self.ratio, self.who, self.loud)]
        self.next(self.end)

    @step
    def end(self):
        print(self.greeting, self.scaled)


if __name__ == "__main__":
    ParametersFlow()
