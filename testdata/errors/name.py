from metaflow import FlowSpec, step


class NameFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.load)

    @step
    def load(self):
        self.next(self.load_)

    @step
    def load_(self):  # want name "\"load\" and \"load_\""
        self.next(self.end)

    @step
    def end(self):
        pass
