from metaflow import FlowSpec, Parameter, step


class GridFlow(FlowSpec):
    budget = Parameter("budget", default=10_000, type=int)

    @step
    def start(self):
        self.models = ["linear", "tree"]
        self.next(self.per_model, foreach="models")

    @step
    def per_model(self):
        self.model = self.input
        self.params = [{"depth": d, "budget": self.budget // 1_0} for d in (2, 4, 8)]
        self.next(self.fit, foreach="params")

    @step
    def fit(self):
        p = self.input
        self.score = p["depth"] * 0.1_5 + (hash(self.model) % 1_00) / 1e3
        print(f"{self.model:<8} depth={p['depth']} score={self.score:.3f}")
        self.next(self.pick)

    @step
    def pick(self, inputs):
        self.best = max((inp.score, inp.model) for inp in inputs)
        self.next(self.gather)

    @step
    def gather(self, inputs):
        self.results = {inp.best[1]: inp.best[0] for inp in inputs}
        self.next(self.end)

    @step
    def end(self):
        print(f"{self.results}")


if __name__ == "__main__":
    GridFlow()
