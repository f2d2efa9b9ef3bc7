from metaflow import FlowSpec, step


class LinearFlow(FlowSpec):
    """Three steps in a row."""

    @step
    def start(self):
        self.x = 1
        self.next(self.middle)

    @step
    def middle(self):
        self.x += 1
        self.next(self.end)

    @step
    def end(self):
        print(self.x)


if __name__ == "__main__":
    LinearFlow()
