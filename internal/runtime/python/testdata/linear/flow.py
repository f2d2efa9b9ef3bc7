from metaflow import FlowSpec, current, step


class LinearFlow(FlowSpec):
    @step
    def start(self):
        self.count = 1
        self.words = ["a"]
        self._scratch = "private attributes are artifacts too, as in Metaflow"
        self.next(self.middle)

    @step
    def middle(self):
        self.count += 1
        self.words.append("b")
        self.seen = {
            "flow": current.flow_name,
            "step": current.step_name,
            "run": current.run_id,
            "task": current.task_id,
            "retry": current.retry_count,
            "running": current.is_running_flow,
        }
        self.next(self.end)

    @step
    def end(self):
        self.summary = "%d %s" % (self.count, "".join(self.words))


if __name__ == "__main__":
    LinearFlow()
