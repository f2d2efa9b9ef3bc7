from metaflow import FlowSpec, Parameter, step


class TemplateSyntaxFlow(FlowSpec):
    p = Parameter("x{{y}}", default="1")  # want template-syntax|parameter "\{\{"

    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        pass
