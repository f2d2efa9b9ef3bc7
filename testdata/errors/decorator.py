from metaflow import FlowSpec, resources, retry, step, timeout


class DecoratorFlow(FlowSpec):
    @retry(times=-1)  # want decorator "times"
    @timeout(seconds="soon")  # want decorator "seconds"
    @resources(memory="lots")  # want decorator "memory"
    @step
    def start(self):
        self.next(self.end)

    @magic  # want decorator "unknown decorator @magic"
    @step
    def end(self):
        pass
