from metaflow import FlowSpec, environment, retry, step


class SharedTemplatesFlow(FlowSpec):
    """Steps of one shape share one Argo template (flowc.yaml: templates: shared): the two
    branches, the two steps of the inner foreach body, and the two steps after its join."""

    @step
    def start(self):
        self.words = ["ab", "cde"]
        self.next(self.upper, self.lower)

    @environment(vars={"SUFFIX": "!"})
    @step
    def upper(self):
        self.out = [w.upper() for w in self.words]
        self.next(self.join)

    @environment(vars={"SUFFIX": "!"})
    @step
    def lower(self):
        self.out = [w + "!" for w in self.words]
        self.next(self.join)

    @step
    def join(self, inputs):
        self.merged = sorted(x for i in inputs for x in i.out)
        self.words = inputs.upper.words
        self.next(self.each, foreach="words")

    @step
    def each(self):
        self.letters = list(self.input)
        self.next(self.letter, foreach="letters")

    @step
    def letter(self):
        self.code = ord(self.input)
        self.next(self.double)

    @retry(times=1)
    @step
    def double(self):
        self.code *= 2
        self.next(self.triple)

    @retry(times=1)
    @step
    def triple(self):
        self.code *= 3
        self.next(self.inner_join)

    @step
    def inner_join(self, inputs):
        self.codes = [i.code for i in inputs]
        self.next(self.total)

    @step
    def total(self):
        self.sum = sum(self.codes)
        self.next(self.count)

    @step
    def count(self):
        self.n = len(self.codes)
        self.next(self.outer_join)

    @step
    def outer_join(self, inputs):
        self.sums = [i.sum for i in inputs]
        self.counts = [i.n for i in inputs]
        self.next(self.end)

    @step
    def end(self):
        pass
