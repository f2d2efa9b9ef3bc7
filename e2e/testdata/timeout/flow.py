import time

from metaflow import FlowSpec, step, timeout


class TimeoutFlow(FlowSpec):
    """start sleeps past its @timeout: the timeout is raised in it and the run fails."""

    @timeout(seconds=5)
    @step
    def start(self):
        time.sleep(300)
        self.next(self.end)

    @step
    def end(self):
        pass
