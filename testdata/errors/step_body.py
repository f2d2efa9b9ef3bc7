from metaflow import FlowSpec, step


class StepBodyFlow(FlowSpec):
    @step
    async def start(self):  # want syntax "step \"start\" is declared async def"
        self.next(self.a)

    @step
    def a(self):
        if not self.x:
            return  # want invalid-transition "return before self.next in step \"a\""
        self.next(self.b)

    @step
    def b(*args):  # want num-args "step \"b\" is missing the self argument"
        self.next(self.c)

    @step
    def c(self):
        def helper():
            return 1  # a function of its own: its return does not end the step

        self.y = helper()
        self.next(self.d)

    @step
    def d(self):
        self.squares = list(x * x for x in range(3))  # a generator expression is no yield
        yield self.squares  # want syntax "^step \"d\" yields, which makes it a generator: steps are called as plain methods, so its body would never run$"
        self.next(self.end)

    @step
    def end(self):
        pass

    @step
    def end(self):  # want step-name "^step \"end\" is defined again in class StepBodyFlow; Python keeps this one and drops the first$"
        print("done")

    c = None  # want step-name "^\"c\" is assigned after its @step method, which the assignment replaces"
