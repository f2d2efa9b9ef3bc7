from metaflow import FlowSpec, step


class ForeachFlow(FlowSpec):
    """A foreach over a list; each child squares its input; the join keeps the children's order."""

    @step
    def start(self):
        self.items = [3, 1, 2]
        self.next(self.square, foreach="items")

    @step
    def square(self):
        self.item = self.input
        self.sq = self.input * self.input
        self.next(self.join)

    @step
    def join(self, inputs):
        self.squares = [i.sq for i in inputs]
        self.total = sum(self.squares)
        self.items = inputs.square.items  # inputs.<step>: the last child, as in Metaflow
        self.next(self.end)

    @step
    def end(self):
        print("squares", self.squares, "total", self.total)


if __name__ == "__main__":
    ForeachFlow()
