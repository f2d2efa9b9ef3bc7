from metaflow import FlowSpec, resources, step


class ResourcesFlow(FlowSpec):
    @resources(cpu=0.25, memory=200)
    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        pass
