from metaflow import FlowSpec, schedule, step


@schedule(daily=True, timezone="Mars/Olympus")  # want decorator "timezone \"Mars/Olympus\" is not a time zone"
class TimezoneFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        pass
