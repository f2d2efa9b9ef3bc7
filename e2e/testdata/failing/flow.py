from metaflow import FlowSpec, step


class FailingFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.check)

    @step
    def check(self):
        print("checking the rows")
        raise ValueError("bad row 7: the amount is negative")
        self.next(self.end)

    @step
    def end(self):
        pass
