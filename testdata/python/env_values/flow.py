"""Environment values that YAML or the kubelet would change on the way, and Python's own forms."""
from metaflow import FlowSpec, environment, step


class EnvValuesFlow(FlowSpec):
    @environment(
        vars={
            "DOLLAR": "$(HOME)",
            "DOLLARS": "a$$b$",
            "FLOAT": 1.0,
            "SMALL": 1e-05,
            "BIG": 1e16,
            "BOOL": True,
            "INT": 10,
            "STR_FLOAT": "1.0",
            "STR_TRUE": "True",
            "PLUS_INF": "+.inf",
            "UNDERSCORE": "1_000",
            "NEL": "a\x85b",
            "PARAGRAPH": "a\u2029b",
            "BULLET": "\N{BULLET} item",
            "BACKSLASH_N": "\\N{BULLET}",
        }
    )
    @step
    def start(self):
        import os

        print(os.environ["DOLLAR"], os.environ["FLOAT"])
        self.next(self.end)

    @step
    def end(self):
        pass
