from metaflow import FlowSpec, step


class OldFlow(FlowSpec):
    @step
    def start(self):
        print "hello"  # want syntax "print"
        self.next(self.end)

    @step
    def end(self):
        pass
