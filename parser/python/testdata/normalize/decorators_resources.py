from metaflow import (
    FlowSpec,
    Parameter,
    catch,
    environment,
    kubernetes,
    resources,
    retry,
    step,
    timeout,
)


def scale(value, /, factor=2, *, floor=0):
    return max(value * factor, floor)


class ResourceFlow(FlowSpec):
    rows = Parameter("rows", default=5_000_000)

    @retry(times=3, minutes_between_retries=1)
    @resources(cpu=4, memory=16_000, disk=100_000)
    @environment(vars={"MODE": "batch", **{"LEVEL": "1"}})
    @step
    def start(self):
        self.chunks = scale(self.rows // 1_000_000, floor=1)
        self.next(self.heavy)

    @kubernetes(image="python:3.12", memory=32_000, cpu=8)
    @timeout(hours=2)
    @catch(var="failure")
    @step
    def heavy(self):
        self.result = sum(range(self.chunks * 1_000))
        self.next(self.end)

    @step
    def end(self):
        print(f"{self.result:,}")


if __name__ == "__main__":
    ResourceFlow()
