from metaflow import FlowSpec, step


class ConditionalFlow(FlowSpec):
    @step
    def start(self):
        self.next({"a": self.a, "b": self.b}, condition="route")  # want conditional-branching "condition"

    @step
    def a(self):
        if self.x > 1:
            self.next(self.b)  # want conditional-branching "if"
        else:
            self.next(self.end)  # want conditional-branching "if"

    @step
    def b(self):
        self.next(self.c if self.x else self.end)  # want conditional-branching "expression|chosen"

    @step
    def c(self):
        for i in range(3):
            self.next(self.end)  # want conditional-branching "for"

    @step
    def d(self):
        try:
            self.next(self.end)  # want conditional-branching "try"
        except ValueError:
            pass

    @step
    def e(self):
        with open("x") as f:
            self.next(self.end)  # want conditional-branching "with"

    @step
    def f(self):
        while True:
            self.next(self.end)  # want conditional-branching "while"

    @step
    def g(self):
        self.next(self.end)
        self.next(self.a)  # want invalid-transition "more than once|after"

    @step
    def end(self):
        pass
