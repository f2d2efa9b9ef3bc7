"""Every decorator flowc maps to Argo, on a scheduled flow of a project."""
from metaflow import (
    FlowSpec,
    catch,
    environment,
    kubernetes,
    project,
    resources,
    retry,
    schedule,
    secrets,
    step,
    timeout,
)


@project(name="analytics")
@schedule(cron="30 2 * * *", timezone="Europe/Berlin")
class DecoratedFlow(FlowSpec):
    @resources(cpu=2, memory=4096, disk=10240)
    @retry(times=2, minutes_between_retries=1)
    @step
    def start(self):
        self.next(self.train)

    @kubernetes(
        image="registry.example.com/train:1.4",
        image_pull_policy="IfNotPresent",
        service_account="trainer",
        gpu=1,
        cpu="500m",
        memory="16Gi",
        node_selector={"pool": "gpu"},
        tolerations=[{"key": "gpu", "operator": "Exists", "effect": "NoSchedule"}, {"key": "spot", "operator": "Equal", "value": "true", "effect": "NoExecute", "tolerationSeconds": 300}],
        secrets=["s3-creds"],
    )
    @resources(cpu=4, memory=8000)
    @timeout(minutes=30, seconds=15)
    @environment(vars={"MODE": "train", "DEBUG": True})
    @secrets(sources=["db-password", "api-token"])
    @step
    def train(self):
        self.next(self.report)

    @catch(var="report_error")
    @step
    def report(self):
        self.next(self.end)

    @step
    def end(self):
        pass
