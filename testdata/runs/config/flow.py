import json

from metaflow import Config, FlowSpec, config_expr, retry, step


class ConfigFlow(FlowSpec):
    """A Config read when the flow is compiled, overridden by --config, read in steps and in
    decorator arguments."""

    settings = Config("settings", default="settings.json", parser=json.loads)

    @retry(times=config_expr("settings.retries"))
    @step
    def start(self):
        self.mode = self.settings.mode
        self.layers = self.settings["model"]["layers"]
        self.next(self.end)

    @step
    def end(self):
        print("mode", self.mode, "layers", self.layers)


if __name__ == "__main__":
    ConfigFlow()
