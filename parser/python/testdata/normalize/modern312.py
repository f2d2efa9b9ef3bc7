from metaflow import FlowSpec, step

type Pair[T] = tuple[T, T]
type Table = dict[str, list[float]]


def first[T](items: list[T]) -> T:
    return items[0]


class Box[T]:
    def __init__(self, value: T) -> None:
        self.value = value


class ModernFlow(FlowSpec):
    @step
    def start(self):
        self.rows = {"a": [1.0, 2.0], "b": [3.0]}
        self.head = first(list(self.rows))
        self.msg = f"{self.rows["a"]} and {f"{self.head!r}"} and {", ".join(self.rows)}"
        self.next(self.end)

    @step
    def end(self):
        box = Box(self.msg)
        print(f"{box.value:>{len(self.msg) + 2}}")


if __name__ == "__main__":
    ModernFlow()
