"""Configs read when the flow is compiled: JSON by default, YAML and TOML by parser or by
extension, a literal default_value, and reads of config values in decorators, also converted
by str(), int(), float() or bool() in config_expr."""
import json

from metaflow import Config, FlowSpec, Parameter, config_expr, environment, project, resources, step


@project(name=config_expr("app").project)
class ConfigFlow(FlowSpec):
    app = Config("app", default="app.json")
    model = Config("model", default="model.yaml", parser="yaml.safe_load")
    limits = Config("limits", default="limits.toml")
    extra = Config("extra", default_value={"retries": 2, "tags": ["a", "b"]})
    raw = Config("raw", default="app.json", parser=json.loads, plain=True)

    alpha = Parameter("alpha", default=app.defaults.alpha)

    @environment(vars={"MODE": config_expr("app.mode"), "LAYERS": config_expr("model['layers']"),
                       "ALPHA": config_expr("str(app.defaults.alpha)"), "CPUS": config_expr("float(limits.cpu)"),
                       "MEMORY": config_expr("int(limits.memory)"), "FAST": config_expr("bool(app.mode)")})
    @resources(cpu=limits.cpu, memory=limits["memory"])
    @step
    def start(self):
        self.mode = self.app.mode
        self.layers = self.model["layers"]
        self.cpu = self.limits.cpu
        self.tags = list(self.extra.tags)
        self.alpha_seen = self.alpha
        self.raw_kind = type(self.raw).__name__
        self.next(self.end)

    @step
    def end(self):
        print("mode", self.mode, "layers", self.layers)
