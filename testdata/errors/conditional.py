from metaflow import FlowSpec, step


class ConditionalFlow(FlowSpec):
    @step
    def start(self):
        self.next({"a": self.a, "b": self.b}, condition="route")  # want conditional-branching "condition"

    @step
    def a(self):
        if self.x > 1:  
            self.next(self.b)  # want conditional-branching "inside an \"if\""
        else:
            self.next(self.end)  # want conditional-branching "inside an \"if\""

    @step
    def b(self):
        self.next(self.c if self.x else self.end)  # want conditional-branching "expression"

    @step
    def end(self):
        pass
