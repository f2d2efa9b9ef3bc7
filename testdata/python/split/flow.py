from metaflow import FlowSpec, step


class SplitFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.a, self.b, self.c)

    @step
    def a(self):
        self.v = "a"
        self.next(self.join)

    @step
    def b(self):
        self.v = "b"
        self.next(self.join)

    @step
    def c(self):
        self.v = "c"
        self.next(self.join)

    @step
    def join(self, inputs):
        self.vs = sorted(i.v for i in inputs)
        self.next(self.end)

    @step
    def end(self):
        pass
