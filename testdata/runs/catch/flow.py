from metaflow import FlowSpec, catch, step


class CatchFlow(FlowSpec):
    """@catch keeps the artifacts set before the exception and stores the exception, and the
    flow goes on."""

    @step
    def start(self):
        self.next(self.risky)

    @catch(var="problem")
    @step
    def risky(self):
        self.before = "set before the error"
        self.value = int("not a number")
        self.after = "never set"
        self.next(self.end)

    @step
    def end(self):
        self.caught = self.problem is not None
        self.kind = self.problem.type
        self.message = self.problem.exception
        self.text_is_traceback = str(self.problem).startswith("Traceback")
        self.is_exception = isinstance(self.problem, Exception)
        self.has_after = hasattr(self, "after")
        print("caught", self.caught, "before:", self.before)


if __name__ == "__main__":
    CatchFlow()
