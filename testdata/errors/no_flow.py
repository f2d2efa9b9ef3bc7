# want no-flow "no flow found"
from metaflow import step


class NotAFlow(object):
    @step
    def start(self):
        self.next(self.end)
