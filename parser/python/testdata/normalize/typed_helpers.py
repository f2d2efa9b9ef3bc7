from __future__ import annotations

from collections.abc import Callable, Iterable

from metaflow import FlowSpec, step

Number = int | float


def apply(fn: Callable[[Number], Number], xs: Iterable[Number], /) -> list[Number]:
    return [fn(x) for x in xs]


def summarize(values: list[float], *, label: str | None = None) -> dict[str, float]:
    out: dict[str, float] = {"n": float(len(values))}
    if values:
        out["mean"] = sum(values) / len(values)
    if label is not None:
        print(f"{label}: {out}")
    return out


class TypedFlow(FlowSpec):
    @step
    def start(self) -> None:
        self.values: list[float] = apply(lambda x: x * 1.5, range(1_0))
        self.next(self.stats)

    @step
    def stats(self) -> None:
        self.summary: dict[str, float] = summarize(self.values, label="values")
        self.next(self.end)

    @step
    def end(self) -> None:
        print(self.summary)


if __name__ == "__main__":
    TypedFlow()
