"""A flow with a local package, a third-party import and a requirements.txt."""
import numpy as np
from helpers.stats import mean

from metaflow import FlowSpec, step


class PackagesFlow(FlowSpec):
    @step
    def start(self):
        self.m = mean([1, 2, 3])
        self.next(self.end)

    @step
    def end(self):
        print(np.__version__, self.m)
