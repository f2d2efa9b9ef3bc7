from metaflow import FlowSpec, step


class MatchFlow(FlowSpec):
    @step
    def start(self):
        match self.mode:
            case "fast":
                self.next(self.end)  # want conditional-branching "inside a \"match\""
            case _:
                self.next(self.end)  # want conditional-branching "inside a \"match\""

    @step
    def end(self):
        pass
