from metaflow import FlowSpec, step


class ConditionalLoopsFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.c, self.d, self.e, self.f, self.g)

    @step
    def c(self):
        for i in range(3):
            self.next(self.join)  # want conditional-branching "inside a \"for\""

    @step
    def d(self):
        try:
            self.next(self.join)  # want conditional-branching "inside a \"try\""
        except ValueError:
            pass

    @step
    def e(self):
        with open("x") as f:
            self.next(self.join)  # want conditional-branching "inside a \"with\""

    @step
    def f(self):
        while True:
            self.next(self.join)  # want conditional-branching "inside a \"while\""

    @step
    def g(self):
        self.next(self.join)
        self.next(self.join)  # want invalid-transition "more than once"

    @step
    def join(self, inputs):
        self.next(self.end)

    @step
    def end(self):
        pass
