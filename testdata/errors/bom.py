class BomFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.ed)  # want unknown-step "unknown step \"ed\""

    @step
    def end(self):
        pass
