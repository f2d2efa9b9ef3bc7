from metaflow import FlowSpec, step


class NestedForeachFlow(FlowSpec):
    """A foreach inside a foreach; the inner join sees its own outer input, the outer join all."""

    @step
    def start(self):
        self.letters = ["a", "b"]
        self.next(self.outer, foreach="letters")

    @step
    def outer(self):
        self.letter = self.input
        self.counts = [1, 2, 3]
        self.next(self.inner, foreach="counts")

    @step
    def inner(self):
        self.word = self.letter * self.input
        self.next(self.inner_join)

    @step
    def inner_join(self, inputs):
        self.words = [i.word for i in inputs]
        self.letter = inputs[0].letter
        self.next(self.outer_join)

    @step
    def outer_join(self, inputs):
        self.all_words = [w for i in inputs for w in i.words]
        self.next(self.end)

    @step
    def end(self):
        print(" ".join(self.all_words))


if __name__ == "__main__":
    NestedForeachFlow()
