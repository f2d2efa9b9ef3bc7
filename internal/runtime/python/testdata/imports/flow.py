from flowc import FlowSpec, Parameter, step

import helper


class Local(object):
    """Defined in the flow file: its pickle names the flow's module."""

    def __init__(self, tag):
        self.tag = tag


class ImportsFlow(FlowSpec):
    base = Parameter("base", type=int, default=21)

    @step
    def start(self):
        self.value = helper.double(self.base)
        self.point = helper.Point(1, 2)
        self.local = Local("here")
        self.next(self.end)

    @step
    def end(self):
        self.checked = (self.value, self.point.x + self.point.y, self.local.tag)


if __name__ == "__main__":
    ImportsFlow()
