from metaflow import FlowSpec, step, Runner, StepMutator, user_step_decorator  # want import "metaflow.Runner is not provided by flowc's runtime" want user-code "metaflow.StepMutator is not supported: it runs user code when the flow is deployed" want user-code "metaflow.user_step_decorator is not supported"
from metaflow.plugins import kubernetes  # want import "module metaflow.plugins is not provided by flowc's runtime"
import metaflow


@user_step_decorator
def timed(step_name, flow, inputs=None, attributes=None):
    yield


class AddRetries(StepMutator):
    def mutate(self, mutable_step):
        pass


class RefusedFlow(FlowSpec):
    @timed  # want user-code "@timed is a Metaflow user decorator"
    @step
    def start(self):
        print(metaflow.S3())  # want import "metaflow.S3 is not provided"
        self.next(self.end)

    @AddRetries  # want user-code "@AddRetries is a Metaflow mutator"
    @step
    def end(self):
        pass


class StepAboveFlow(FlowSpec):
    @step
    @retry(times=2)  # want decorator "@retry is below @step: decorators apply bottom-up"
    def start(self):
        self.next(self.a)

    @step
    @staticmethod  # want decorator "^@staticmethod is below @step: decorators apply bottom-up and Metaflow refuses one applied before @step$"
    def a(self):
        self.next(self.end)

    @step
    def end(self):
        pass
