import time

from metaflow import FlowSpec, step, timeout


class TimeoutFlow(FlowSpec):
    """@timeout raises in a step that runs too long, and without @catch the run fails."""

    @step
    def start(self):
        self.next(self.slow)

    @timeout(seconds=10)  # a margin for a loaded machine: the step must print before it times out
    @step
    def slow(self):
        print("sleeping")
        time.sleep(60)
        self.next(self.end)

    @step
    def end(self):
        pass


if __name__ == "__main__":
    TimeoutFlow()
