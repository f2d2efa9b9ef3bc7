from metaflow import FlowSpec, Run, current, step


class LargeArtifactsFlow(FlowSpec):
    """An artifact of 64 KiB or more is stored once per run; the client API (a step reading an
    earlier step's task, and flowc show) reads it back like any other."""

    @step
    def start(self):
        self.big = "x" * 100000
        self.rows = [{"id": i, "name": "row %d" % i} for i in range(5000)]
        self.small = 1
        self.next(self.end)

    @step
    def end(self):
        start = Run("%s/%s" % (current.flow_name, current.run_id))["start"].task
        self.read_back = [len(start.data.big), len(start["rows"].data), start.data.small]
        print("read back", self.read_back)


if __name__ == "__main__":
    LargeArtifactsFlow()
