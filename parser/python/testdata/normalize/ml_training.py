import json
import math

from metaflow import FlowSpec, JSONType, Parameter, card, current, step


class TrainFlow(FlowSpec):
    hyper = Parameter("hyper", type=JSONType, default='{"lr": 0.01, "epochs": 3}')
    max_rows: int = Parameter("max-rows", default=100_000)

    @step
    def start(self):
        self.params = {**self.hyper, "batch": 2_56}
        self.splits = ["train", "valid"]
        self.next(self.load, foreach="splits")

    @step
    def load(self):
        self.split = self.input
        self.rows = [i for i in range(self.max_rows // 1_000) if (r := i % 7) != 0]
        self.next(self.merge)

    @step
    def merge(self, inputs):
        self.data = {inp.split: inp.rows for inp in inputs}
        self.next(self.train)

    @card
    @step
    def train(self):
        losses = []
        for epoch in range(self.params["epochs"]):
            loss = math.exp(-epoch * self.params["lr"])
            losses.append(loss)
            print(f"[{current.run_id}] epoch {epoch:>3}: loss={loss:.4f} "
                  f"rows={len(self.data['train']):,}")
        self.metrics = dict(final=losses[-1], **{"n": len(losses)})
        self.next(self.end)

    @step
    def end(self):
        print(json.dumps({**self.metrics, "params": self.params}, indent=2))


if __name__ == "__main__":
    TrainFlow()
