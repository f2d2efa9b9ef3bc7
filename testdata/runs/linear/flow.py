from metaflow import FlowSpec, step


class LinearFlow(FlowSpec):
    """Artifacts flow down a chain of steps; each step sees what the one before it set."""

    @step
    def start(self):
        self.x = 1
        self.seen = ["start"]
        self.next(self.a)

    @step
    def a(self):
        self.x += 1
        self.seen = self.seen + ["a"]
        self.next(self.b)

    @step
    def b(self):
        self.x *= 10
        self.seen = self.seen + ["b"]
        self.next(self.end)

    @step
    def end(self):
        print("x is", self.x)


if __name__ == "__main__":
    LinearFlow()
