from metaflow import FlowSpec, Parameter, step


class ParameterAttributesFlow(FlowSpec):
    """A parameter is an artifact under its attribute's name, as in Metaflow: run.data.lr, not
    run.data["learning-rate"]; steps and joins read it as self.lr and inputs.a.lr."""

    lr = Parameter("learning-rate", default=0.5)
    epochs = Parameter("epochs", default=2)

    @step
    def start(self):
        self.next(self.a, self.b)

    @step
    def a(self):
        self.scaled = self.lr * 2
        self.next(self.join)

    @step
    def b(self):
        self.scaled = self.lr * 4
        self.next(self.join)

    @step
    def join(self, inputs):
        self.from_inputs = [inputs.a.lr, inputs.b.lr]
        self.scaled = sorted(i.scaled for i in inputs)
        self.next(self.end)

    @step
    def end(self):
        print("lr", self.lr, self.scaled, self.epochs)


if __name__ == "__main__":
    ParameterAttributesFlow()
