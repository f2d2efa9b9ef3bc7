from metaflow import FlowSpec, step


class UnknownStepFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.ed)  # want unknown-step "unknown step \"ed\" in self.next$"

    @step
    def end(self):
        pass
