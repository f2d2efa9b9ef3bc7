import threading

from metaflow import FlowSpec, catch, retry, step


def check(value):
    if value != "ok":
        raise ValueError("boom: %s" % value)


class FailFlow(FlowSpec):
    @step
    def start(self):
        self.before = "kept"
        self.next(self.explode)

    @step
    def explode(self):
        check("bad")
        self.next(self.end)

    @catch(var="err")
    @step
    def caught(self):
        self.partial = "kept too"
        raise KeyError("missing thing")
        self.next(self.end)

    @retry(times=2)
    @catch(var="err", print_exception=False)
    @step
    def retried(self):
        check("again")
        self.next(self.end)

    @step
    def wrong_next(self):
        self.next(self.explode)

    @step
    def no_next(self):
        pass

    @step
    def twice(self):
        self.next(self.end)
        self.next(self.end)

    @step
    def unpicklable(self):
        self.lock = threading.Lock()
        self.next(self.end)

    @step
    def end(self):
        pass
