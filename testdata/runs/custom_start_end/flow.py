from metaflow import FlowSpec, step


class CustomStartEndFlow(FlowSpec):
    """Start and end steps with names of their own."""

    @step(start=True)
    def begin(self):
        self.path = ["begin"]
        self.next(self.middle)

    @step
    def middle(self):
        self.path = self.path + ["middle"]
        self.next(self.finish)

    @step(end=True)
    def finish(self):
        self.path = self.path + ["finish"]
        print(" -> ".join(self.path))


if __name__ == "__main__":
    CustomStartEndFlow()
