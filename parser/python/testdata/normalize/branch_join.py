from metaflow import FlowSpec, step


class BranchFlow(FlowSpec):
    @step
    def start(self):
        self.x = 1_0
        self.next(self.left, self.right)

    @step
    def left(self):
        self.x: int = self.x + 1
        self.side = f"left:{self.x:02d}"
        self.next(self.join)

    @step
    def right(self):
        self.x: int = self.x + 2
        self.side = f'right:{self.x:02d}'
        self.next(self.join)

    @step
    def join(self, inputs):
        self.sides = sorted(inp.side for inp in inputs)
        print(*self.sides, sep=", ")
        self.merge_artifacts(inputs, exclude=["x", "side"])
        self.next(self.end)

    @step
    def end(self):
        print(f"sides={self.sides!r}")


if __name__ == "__main__":
    BranchFlow()
