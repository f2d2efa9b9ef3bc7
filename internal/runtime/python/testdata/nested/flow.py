from metaflow import FlowSpec, step


class NestedFlow(FlowSpec):
    @step
    def start(self):
        self.outer = ["x", "y"]
        self.next(self.outer_body, foreach="outer")

    @step
    def outer_body(self):
        self.outer_seen = (self.index, self.input)
        self.inner = [self.input + str(k) for k in range(3)]
        self.next(self.inner_body, foreach="inner")

    @step
    def inner_body(self):
        self.inner_seen = (self.index, self.input)
        self.stack = [list(frame) for frame in self.foreach_stack()]
        self.next(self.inner_join)

    @step
    def inner_join(self, inputs):
        self.tags = [inp.input for inp in inputs]
        self.inner_indices = [inp.index for inp in inputs]
        # The inner frame is popped: self.input and self.index are the outer child's again.
        self.after_inner = (self.index, self.input)
        self.next(self.outer_join)

    @step
    def outer_join(self, inputs):
        self.all_tags = [inp.tags for inp in inputs]
        self.outer_indices = [inp.index for inp in inputs]
        self.after_outer = (self.index, self.input)
        self.next(self.end)

    @step
    def end(self):
        pass
