from metaflow import FlowSpec, step


class TabFlow(FlowSpec):
    @step
    def start(self):
        x = 1
	self.next(self.end)  # want syntax "inconsistent use of tabs and spaces"

    @step
    def end(self):
        pass
