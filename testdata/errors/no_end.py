from metaflow import FlowSpec, step


class NoEndFlow(FlowSpec):  # want no-end "is it \"finish\"\? mark it @step\(end=True\)"
    @step
    def start(self):
        self.next(self.finish)

    @step
    def finish(self):
        pass
