from metaflow import FlowSpec, IncludeFile, JSONType, Parameter, step


class ParamsFlow(FlowSpec):
    name = Parameter("name", default="world", help="a string")
    count = Parameter("count", type=int, default=1)
    ratio = Parameter("ratio", type=float, default=0.5)
    flag = Parameter("flag", type=bool, default=False)
    config = Parameter("config", type=JSONType, default='{"a": 1}')
    inferred = Parameter("inferred", default=7)
    needed = Parameter("needed", required=True)
    computed = Parameter("computed", default=lambda: 40 + 2)
    from_ctx = Parameter("from_ctx", default=lambda ctx: ctx.parameter_name)
    tags = Parameter("tags", separator=",", default="a,b")
    notes = IncludeFile("notes", default="notes.txt")

    @step
    def start(self):
        self.seen = {
            "name": self.name,
            "count": self.count,
            "ratio": self.ratio,
            "flag": self.flag,
            "config": self.config,
            "inferred": self.inferred,
            "needed": self.needed,
            "computed": self.computed,
            "from_ctx": self.from_ctx,
            "tags": self.tags,
            "notes": self.notes,
        }
        self.types = {k: type(v).__name__ for k, v in self.seen.items()}
        try:
            self.count = 5
            self.assign_error = None
        except AttributeError as e:
            self.assign_error = str(e)
        self.next(self.end)

    @step
    def end(self):
        # Parameters travel with the state from start.
        self.end_seen = [self.name, self.count, self.flag, self.computed]
