from metaflow import FlowSpec, current, retry, step


class RetryOnceFlow(FlowSpec):
    """The first attempt of start fails; Argo's retryStrategy runs it again."""

    @retry(times=1, minutes_between_retries=0)
    @step
    def start(self):
        if current.retry_count == 0:
            raise RuntimeError("the first attempt fails on purpose")
        self.attempt = current.retry_count
        self.next(self.end)

    @step
    def end(self):
        pass
