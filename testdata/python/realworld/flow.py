"""Forms real Metaflow flows use: module constants, import aliases, optional parameters, mixins."""
import os
from datetime import date

from metaflow import FlowSpec, Parameter
from metaflow import environment as env
from metaflow import resources, step

DATA_URL = "https://example.com/data.parquet"
IMAGE_CPU = 4
PREFIX = "s3://bucket/" + "runs"  # not a literal: a default computed when the flow runs


class Reporting:
    """A mixin with a step of the same name as the base's: Python's MRO picks this one."""

    @resources(cpu=1)
    @step
    def report(self):
        self.next(self.end)


class BaseFlow(FlowSpec):
    url = Parameter("url", default=DATA_URL, help="Where the data is")
    max_depth = Parameter("max_depth", default=None, type=int, help="Unlimited when left out")
    prefix = Parameter("prefix", default=PREFIX)
    day = Parameter("day", default=lambda: str(date.today()))

    @resources(cpu=64)
    @step
    def report(self):
        self.next(self.end)


class RealWorldFlow(Reporting, BaseFlow):
    @env(vars={"MODE": "prod"})
    @resources(cpu=IMAGE_CPU)
    @step
    def start(self):
        self.depth = self.max_depth
        self.next(self.report)

    @step
    def end(self):
        pass
