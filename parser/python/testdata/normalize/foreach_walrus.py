import re

from metaflow import FlowSpec, Parameter, step


class ShardFlow(FlowSpec):
    pattern = Parameter("pattern", default=r"shard-(\d+)")

    @step
    def start(self):
        names = ["shard-1", "shard-22", "other", "shard-333"]
        self.shards = [int(m.group(1)) for n in names if (m := re.match(self.pattern, n))]
        if (count := len(self.shards)) > 2:
            print(f"{count} shards")
        self.next(self.process, foreach="shards")

    @step
    def process(self):
        data = list(range(self.input))
        while (chunk := data[:10]):
            data = data[10:]
            print(len(chunk))
        self.total = sum(x for x in range(self.input) if (y := x % 3) == 0)
        self.next(self.join)

    @step
    def join(self, inputs):
        self.totals = [inp.total for inp in inputs]
        self.next(self.end)

    @step
    def end(self):
        print(f"totals: {self.totals}")


if __name__ == "__main__":
    ShardFlow()
