from metaflow import FlowSpec, catch, step


class CatchFlow(FlowSpec):
    """start fails; @catch stores the exception and the flow goes on."""

    @catch(var="failure")
    @step
    def start(self):
        raise ValueError("caught on purpose")
        self.next(self.end)

    @step
    def end(self):
        self.caught = str(self.failure)
