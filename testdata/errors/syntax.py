from metaflow import FlowSpec, step


class SyntaxFlow(FlowSpec):
    @step
    def start(self)  # want syntax "invalid syntax"
        self.next(self.end)

    @step
    def end(self):
        pass
