from metaflow import FlowSpec, Parameter, environment, kubernetes, project, retry, schedule, step, timeout


@project(name="proj", branch="")  # want decorator "@project branch is empty"
@schedule(cron="0 10 * * ? 2027")  # want decorator "sixth \(year\) field \"2027\""
class HostileValuesFlow(FlowSpec):
    out = Parameter("--out", default="x")  # want parameter "\"--out\" must start with a letter"
    short = Parameter("-x", default="y")  # want parameter "\"-x\" must start with a letter"

    @environment(vars={"A B": "1", "FLOWC_STEP": "2", "OK": "$(HOME)"})  # want decorator "\"A B\" is not an environment variable name" want decorator "\"FLOWC_STEP\" is reserved"
    @kubernetes(service_account="Bad_Account", gpu_vendor="intel")  # want decorator "service_account \"Bad_Account\"" want decorator "gpu_vendor must be"
    @retry(times=9223372036854775807)  # want decorator "@retry times must be at most 2147483647"
    @timeout(hours=5124095576030432)  # want decorator "@timeout hours must be at most 2147483647"
    @step
    def start(self):
        self.items = [1, 2]
        self.next(self.body, foreach="{{workflow.name}}")  # want invalid-transition "foreach in step \"start\" must name an attribute"

    @kubernetes(annotations={"bad key!": "v"}, tolerations=[{"key": "k", "operator": "Exists", "value": "v"}, {"key": "k", "operator": "In", "effect": "NoSchedule"}, {"key": "k", "effect": "NoSchedul"}, {"key": "k", "tolerationSeconds": 30, "effect": "NoSchedule"}, {"keys": "k"}])  # want decorator "\"bad key!\" is not a Kubernetes annotation key" want decorator "takes no value" want decorator "operator must be" want decorator "effect must be" want decorator "tolerationSeconds applies only" want decorator "unknown field \"keys\""
    @timeout(hours=596524)  # want decorator "@timeout is longer than Argo's deadline"
    @step
    def body(self):
        self.next(self.join)

    @step
    def join(self, inputs):
        self.next(self.end)

    @step
    def end(self):
        pass


@schedule(cron="@every -1h")  # want decorator "@every takes a duration of at least 1s"
class EveryFlow(FlowSpec):
    @environment(vars={"A": "1", "A": "2"})  # want decorator "\"A\" is given twice"
    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        pass
