from metaflow import FlowSpec, Parameter, step


class SplitFlow(FlowSpec):
    mode = Parameter("mode", default="exclude")

    @step
    def start(self):
        self.shared = "from start"
        self.next(self.a, self.b)

    @step
    def a(self):
        self.x = 1
        self.branch = "a"
        self.only_a = "A"
        self.next(self.join)

    @step
    def b(self):
        self.x = 2
        self.branch = "b"
        self.only_b = "B"
        self.next(self.join)

    @step
    def join(self, inputs):
        self.order = [inp.branch for inp in inputs]
        self.ax = inputs.a.x
        self.bx = inputs["b"].x
        self.first_branch = inputs[0].branch
        self.had_shared = hasattr(self, "shared")
        if self.mode == "exclude":
            self.merge_artifacts(inputs, exclude=["x", "branch"])
        elif self.mode == "preset":
            self.x = 99
            self.branch = "join"
            self.merge_artifacts(inputs)
        elif self.mode == "include":
            self.merge_artifacts(inputs, include=["only_a"])
        else:
            self.merge_artifacts(inputs)
        self.next(self.end)

    @step
    def end(self):
        pass
