from metaflow import FlowSpec, Parameter, environment, step


class TemplateSyntaxFlow(FlowSpec):
    p = Parameter("x{{y}}", default="1")  # want template-syntax|parameter "\{\{"

    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        pass


class TemplateValuesFlow(FlowSpec):
    q = Parameter("q", help="use {{ and }} freely", default="{{workflow.name}}")  # want template-syntax "help of parameter" want template-syntax "default of parameter"

    @environment(vars={"ECHO": "{{not a template}}"})  # want template-syntax "@environment vars"
    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        pass
