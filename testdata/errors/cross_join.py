from metaflow import FlowSpec, step


class CrossJoinFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.a, self.b)

    @step
    def a(self):
        self.next(self.a1, self.a2)

    @step
    def b(self):
        self.next(self.b1, self.b2)

    @step
    def a1(self):
        self.next(self.j1)

    @step
    def a2(self):
        self.next(self.j2)

    @step
    def b1(self):
        self.next(self.j1)

    @step
    def b2(self):
        self.next(self.j2)

    @step
    def j1(self, inputs):  # want cross-join "join \"j1\" joins steps from different splits"
        self.next(self.j3)

    @step
    def j2(self, inputs):  # want cross-join "join \"j2\" joins steps from different splits"
        self.next(self.j3)

    @step
    def j3(self, inputs):
        self.next(self.end)

    @step
    def end(self):
        pass
