from metaflow import FlowSpec, IncludeFile, Parameter, kubernetes, resources, step

RES = {"cpu": 4}


class RealWorldErrorsFlow(FlowSpec):
    data = IncludeFile("data", default="data.csv")  # want parameter "IncludeFile is not supported yet"

    @kubernetes(image=f"ghcr.io/acme/img:{RES}")  # want decorator "f-string"
    @resources(**RES)  # want decorator "\*\*RES in @resources is computed"
    @step
    def start(self):
        self.items = [1]
        self.next(self.body, foreach=f"items")  # want invalid-transition "foreach= must be a string literal"

    @step
    def body(self):
        self.next(self.join)

    @step
    def join(self, inputs):
        self.next(self.end)

    @step
    def end(self):
        pass
