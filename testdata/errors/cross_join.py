from metaflow import FlowSpec, step


class CrossJoinFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.a, self.b)

    @step
    def a(self):
        self.next(self.a1, self.a2)

    @step
    def a1(self):
        self.next(self.j1)

    @step
    def a2(self):
        self.next(self.j2)

    @step
    def b(self):
        self.next(self.j2)

    @step
    def j1(self, inputs):  # want cross-join|join-arity ".*"
        self.next(self.j2)

    @step
    def j2(self, inputs):  # want cross-join|join-arity ".*"
        self.next(self.end)

    @step
    def end(self):
        pass
