from metaflow import FlowSpec, IncludeFile, Parameter, kubernetes, resources, step

RES = {"cpu": 4}


class RealWorldErrorsFlow(FlowSpec):
    data = IncludeFile("data", default="data.csv")

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


class BadNamesFlow(FlowSpec):
    @kubernetes(secrets=["My_Secret"], labels={"bad label": "v"}, node_selector={"pool": "a b"})  # want decorator "\"My_Secret\" is not a Kubernetes secret name" want decorator "\"bad label\" is not a Kubernetes label key" want decorator "\"a b\" is not a Kubernetes label value"
    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        pass
