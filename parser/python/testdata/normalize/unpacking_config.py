from metaflow import FlowSpec, Parameter, step

DEFAULTS = {"retries": 3, "timeout": 600}
EXTRA = ["--verbose"]


def build_command(*args, **kwargs):
    return [*args, *EXTRA, *(f"--{k}={v}" for k, v in kwargs.items())]


class ConfigFlow(FlowSpec):
    env = Parameter("env", default="dev")

    @step
    def start(self):
        overrides = {"timeout": 60} if self.env == "dev" else {}
        self.config = {**DEFAULTS, **overrides, "env": self.env}
        self.keys = {*DEFAULTS, *overrides}
        self.cmd = build_command("run", *EXTRA, *self.keys, **self.config, dry=True)
        print(*self.cmd, sep=" ")
        self.next(self.end)

    @step
    def end(self):
        first, *rest = self.cmd
        merged = dict(**self.config, **{"extra": rest})
        print(first, merged)


if __name__ == "__main__":
    ConfigFlow()
