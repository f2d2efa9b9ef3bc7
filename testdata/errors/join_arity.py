from metaflow import FlowSpec, step


class JoinArityFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.a, self.b)

    @step
    def a(self):
        self.next(self.join)

    @step
    def b(self):
        self.next(self.join)

    @step
    def join(self):  # want join-arity "join"
        self.next(self.end)

    @step
    def end(self):
        pass
