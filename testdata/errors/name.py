from metaflow import FlowSpec, step


class NameFlow(FlowSpec):
    @step
    def start(self):
        self.items = [1]
        self.next(self.fan)

    @step
    def fan(self):
        self.next(self.fan_body, foreach="items")

    @step
    def fan_body(self):  # want name "fan-body"
        self.next(self.join)

    @step
    def join(self, inputs):
        self.next(self.end)

    @step
    def end(self):
        pass
