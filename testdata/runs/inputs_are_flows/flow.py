from metaflow import FlowSpec, step


class Scoring(object):
    def score(self):
        return self.value * self.WEIGHT


class InputsAreFlowsFlow(Scoring, FlowSpec):
    """As in Metaflow, a join's input is a copy of the flow: class constants, methods and
    properties work on it, with the input's own artifacts; flow-level constants are read-only. And
    `del self.x` of an artifact from the parent step leaves it there: self.x reads the parent's
    value again, and the next step gets it."""

    WEIGHT = 10

    @property
    def doubled(self):
        return self.value * 2

    @step
    def start(self):
        self.value = 0
        self.dropped = "from start"
        self.next(self.a, self.b)

    @step
    def a(self):
        self.value = 1
        try:
            self.WEIGHT = 100
        except AttributeError:
            self.constant_refused = True
        self.seen_dropped = self.dropped  # Metaflow deletes only what the step has read
        del self.dropped
        self.dropped_in_a = not hasattr(self, "dropped")
        self.made_here = 1
        del self.made_here
        self.made_here_gone = not hasattr(self, "made_here")
        self.next(self.join)

    @step
    def b(self):
        self.value = 2
        self.next(self.join)

    @step
    def join(self, inputs):
        self.weights = [inputs.a.WEIGHT, inputs.b.WEIGHT]
        self.scores = sorted(i.score() for i in inputs)
        self.doubled_inputs = sorted(i.doubled for i in inputs)
        self.dropped_back = [inputs.a.dropped, inputs.a.dropped_in_a]
        self.value = 3
        self.next(self.end)

    @step
    def end(self):
        print("scores", self.scores, self.weights, self.doubled_inputs, self.dropped_back)


if __name__ == "__main__":
    InputsAreFlowsFlow()
