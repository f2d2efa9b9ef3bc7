from metaflow import FlowSpec, step


class InvalidTransitionFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.a, foreach=items)  # want invalid-transition "foreach"

    @step
    def a(self):
        self.next(self.end)
        print("done")  # want invalid-transition "after"

    @step
    def end(self):
        pass
