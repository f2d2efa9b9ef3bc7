from metaflow import FlowSpec, step


class BranchesFlow(FlowSpec):
    """A three-way split; the join reads each branch by name and all of them by iteration."""

    @step
    def start(self):
        self.base = 10
        self.next(self.a, self.b, self.c)

    @step
    def a(self):
        self.v = self.base + 1
        self.next(self.join)

    @step
    def b(self):
        self.v = self.base + 2
        self.next(self.join)

    @step
    def c(self):
        self.v = self.base + 3
        self.next(self.join)

    @step
    def join(self, inputs):
        self.total = sum(i.v for i in inputs)
        self.from_b = inputs.b.v
        self.next(self.end)

    @step
    def end(self):
        print("total", self.total)


if __name__ == "__main__":
    BranchesFlow()
