from metaflow import FlowSpec, Parameter, step


def describe(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k)} if len(k) == 1:
            return f"key {k!r}"
        case [first, *rest]:
            return f"batch of {1 + len(rest)} starting with {first}"
        case Point(x=0, y=0) | Point(x=0) as origin:
            return f"origin {origin}"
        case str() | bytes():
            return "text"
        case _:
            return "unknown"


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y=0):
        self.x, self.y = x, y


class DispatchFlow(FlowSpec):
    kind = Parameter("kind", default="click")

    @step
    def start(self):
        match = {"type": self.kind, "pos": (1, 2)}
        self.text = describe(match)
        self.next(self.end)

    @step
    def end(self):
        print(self.text)


if __name__ == "__main__":
    DispatchFlow()
