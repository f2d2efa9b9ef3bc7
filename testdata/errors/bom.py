class BomFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.ed)  # want unknown-step "did you mean"

    @step
    def end(self):
        pass
