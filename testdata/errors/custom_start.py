from metaflow import FlowSpec, step


class TwoStartsFlow(FlowSpec):
    @step(start=True)
    def begin(self):
        self.next(self.finish)

    @step(start=True)  # want no-start "steps \"begin\", \"again\" are all marked @step\(start=True\); a flow has exactly one start step"
    def again(self):
        self.next(self.finish)

    @step(end=True)
    def finish(self):
        pass


class AmbiguousEndFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):  # want no-end "step \"finish\" is marked @step\(end=True\), but a step named \"end\" exists too"
        self.next(self.finish)

    @step(end=True)
    def finish(self):
        pass


class MarkIsNotLiteralFlow(FlowSpec):  # want no-start "has no start step"
    @step(start="yes")  # want decorator "start"
    def first(self):
        self.next(self.end)

    @step
    def end(self):
        pass
