from metaflow import FlowSpec, step


class SyntaxFlow(FlowSpec):
    @step
    def start(self):
        x = (1 +  # want syntax "invalid syntax|unexpected"
        self.next(self.end)

    @step
    def end(self):
        pass
