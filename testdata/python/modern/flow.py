"""A flow written with Python 3.8-3.12 syntax that gpython's 3.4 parser does not know."""
from __future__ import annotations

from dataclasses import dataclass

from metaflow import FlowSpec, Parameter, current, step


@dataclass
class Row:
    name: str
    size: int = 0


class ModernFlow(FlowSpec):
    limit: int = 10
    threshold = Parameter("threshold", help=f"rows above {1_000} are 'big'", default=1_000)

    @step
    def start(self) -> None:
        rows: list[Row] = [Row(name=f"r{i:03d}", size=i * 1_000) for i in range(5)]
        if (n := len(rows)) > self.limit:
            print(f"{n=} rows, {current.run_id!r}")
        self.rows = [*rows, *[]]
        self.meta = {**{"a": 1}, "b": 2}
        self.next(self.classify, foreach="rows")

    @step
    def classify(self):
        match self.input:
            case Row(size=s) if s > self.threshold:
                self.kind = "big"
            case _:
                self.kind = "small"
        self.next(self.join)

    @step
    def join(self, inputs):
        self.kinds = [i.kind for i in inputs]
        print(f"""kinds: {", ".join(self.kinds)}""")
        self.next(self.end)

    @step
    def end(self):
        pass


if __name__ == "__main__":
    ModernFlow()
