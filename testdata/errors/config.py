import json

from metaflow import Config, FlowSpec, config_expr, resources, step


def my_parser(text):
    return json.loads(text)


class ConfigErrorsFlow(FlowSpec):
    custom = Config("custom", default="settings.json", parser=my_parser)  # want user-code "the parser of config \"custom\" is my_parser, which is user code"
    missing = Config("missing", default="no_such_file.json")  # want config "config \"missing\": cannot read its default file: no_such_file.json"
    outside = Config("outside", default="../secrets.json")  # want config "../secrets.json is outside the flow's directory"
    needed = Config("needed", required=True)  # want config "config \"needed\" is required and has no default: pass --config needed=FILE"
    computed = Config("computed", default_value=json.loads("{}"))  # want user-code "the default_value of config \"computed\" is computed"
    good = Config("good", default_value={"cpu": 2})
    again = Config("Good", default_value={})  # want config "config \"Good\" has the name of a config of the flow"

    @resources(cpu=good.gpu)  # want config "config \"good\": the value has no key \"gpu\""
    @step
    def start(self):
        self.next(self.converted)

    @resources(memory=config_expr("unknown.memory"))  # want config "config_expr reads config \"unknown\", which the flow does not define"
    @step
    def end(self):
        pass

    @resources(cpu=config_expr("int(good)"))  # want config "config \"good\": int\(\) of a dict: flowc converts a single value only"
    @step
    def converted(self):
        self.next(self.read_below)

    @resources(cpu=config_expr("str(good.cpu).x"))  # want decorator "must be a literal"
    @step
    def read_below(self):
        self.next(self.end)
