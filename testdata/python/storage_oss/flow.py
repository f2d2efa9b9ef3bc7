from metaflow import FlowSpec, step


class StorageOssFlow(FlowSpec):
    """Nested foreach with state in oss (flowc.yaml: artifactStorage)."""

    @step
    def start(self):
        self.x = "abc"
        self.next(self.foreach_split_x, foreach="x")

    @step
    def foreach_split_x(self):
        self.y = "de"
        self.next(self.foreach_split_y, foreach="y")

    @step
    def foreach_split_y(self):
        self.z = "fghijk"
        self.next(self.foreach_inner, foreach="z")

    @step
    def foreach_inner(self):
        self.word = self.input
        self.next(self.foreach_join_z)

    @step
    def foreach_join_z(self, inputs):
        self.word = "".join(i.word for i in inputs)
        self.next(self.foreach_join_y)

    @step
    def foreach_join_y(self, inputs):
        self.word = "".join(i.word for i in inputs)
        self.next(self.foreach_join_x)

    @step
    def foreach_join_x(self, inputs):
        self.word = "".join(i.word for i in inputs)
        self.next(self.end)

    @step
    def end(self):
        pass
