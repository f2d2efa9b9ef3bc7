from metaflow import FlowSpec, current, retry, step


class RetryFlow(FlowSpec):
    """@retry runs a failing step again; current.retry_count says which attempt this is."""

    @step
    def start(self):
        self.next(self.flaky)

    @retry(times=2, minutes_between_retries=0)
    @step
    def flaky(self):
        if current.retry_count < 1:
            raise RuntimeError("the first attempt fails")
        self.attempt = current.retry_count
        self.next(self.end)

    @step
    def end(self):
        print("succeeded on attempt", self.attempt)


if __name__ == "__main__":
    RetryFlow()
