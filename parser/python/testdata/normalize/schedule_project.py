from metaflow import FlowSpec, Parameter, project, schedule, step

OWNER = "data-team"


@project(name="forecast")
@schedule(cron="0 6 * * *", timezone="Europe/Berlin")
class ForecastFlow(FlowSpec):
    horizon = Parameter("horizon", default=1_4, help="days ahead")
    region = Parameter("region", default="eu", help="region code")

    @step
    def start(self):
        self.label = f"{OWNER}/{self.region}/{self.horizon:03d}"
        self.days = list(range(self.horizon))
        self.next(self.predict, foreach="days")

    @step
    def predict(self):
        self.value = (self.input * 3_1) % 7
        self.next(self.collect)

    @step
    def collect(self, inputs):
        self.values = [i.value for i in inputs]
        self.next(self.end)

    @step
    def end(self):
        print(f"{self.label}: {self.values}")


if __name__ == "__main__":
    ForecastFlow()
