from base_module import BaseFlow

from metaflow import step


class ChildFlow(BaseFlow):  # want no-flow "its base BaseFlow is defined in module base_module, which flowc cannot find"
    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        pass
