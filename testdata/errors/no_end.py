from metaflow import FlowSpec, step


class NoEndFlow(FlowSpec):  # want no-end "^flow \"NoEndFlow\" has no end step$"
    @step
    def start(self):
        self.next(self.finish)

    @step
    def finish(self):
        pass
