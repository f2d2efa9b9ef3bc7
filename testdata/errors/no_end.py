from metaflow import FlowSpec, step


class NoEndFlow(FlowSpec):  # want no-end "end"
    @step
    def start(self):
        self.next(self.finish)

    @step
    def finish(self):  # want missing-next "finish"
        pass
