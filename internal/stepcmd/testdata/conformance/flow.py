# The Python side of the step protocol's conformance suite; goflow/main.go is the same flow in
# Go. Artifact names are capitalised so that both runtimes store them under the same name.
from metaflow import FlowSpec, Parameter, step


class ConformanceFlow(FlowSpec):
    flag = Parameter("flag", type=bool, default=False)
    n = Parameter("n", type=int, default=1)
    text = Parameter("text", default="x")

    @step
    def start(self):
        self.Flag = self.flag
        self.N = self.n
        self.Text = self.text
        self.Items = [10, 20, 30]
        self.next(self.body, foreach="Items")

    @step
    def body(self):
        self.Doubled = self.input * 2
        self.next(self.join)

    @step
    def join(self, inputs):
        self.Total = sum(i.Doubled for i in inputs)
        self.next(self.end)

    @step
    def boom(self):
        self.Before = "kept"
        raise ValueError("boom")
        self.next(self.end)

    @step
    def slow(self):
        import time
        time.sleep(20)
        self.next(self.end)

    @step
    def end(self):
        pass
