import time

from metaflow import FlowSpec, catch, current, retry, step, timeout


class TimeoutCatchFlow(FlowSpec):
    """@timeout raises in the step, as Metaflow's does: @retry runs it again, and on the last
    attempt @catch stores the timeout and the flow goes on."""

    @step
    def start(self):
        self.next(self.slow)

    @catch(var="problem")
    @retry(times=1, minutes_between_retries=0)
    @timeout(seconds=2)
    @step
    def slow(self):
        self.attempts = current.retry_count + 1
        print("attempt", self.attempts)
        time.sleep(60)
        self.next(self.end)

    @step
    def end(self):
        self.kind = self.problem.type
        self.message = self.problem.exception
        print("caught", self.kind)


if __name__ == "__main__":
    TimeoutCatchFlow()
