from metaflow import FlowSpec, Parameter, step


class HelloFlow(FlowSpec):
    """A flow that greets people, with f-strings everywhere."""

    name = Parameter("name", help="who to greet", default="world")
    times = Parameter("times", help="how often", default=3, type=int)

    @step
    def start(self):
        self.greetings = [f"Hello, {self.name}! ({i + 1}/{self.times})" for i in range(self.times)]
        print(f"{len(self.greetings)=}")
        print(F'prepared {len(self.greetings):>4d} greetings for {self.name!r}')
        self.next(self.shout)

    @step
    def shout(self):
        config = {"sep": "-", "width": 40}
        self.banner = f"{config['sep'] * config['width']}"
        self.loud = [f'{g.upper():^{config["width"]}}' for g in self.greetings]
        self.path = rf"C:\flows\{self.name}\out.txt"
        self.note = f"""
        Greeted {self.name} {self.times} times.
        Braces: {{literal}} and {{{self.times}}}.
        """
        self.next(self.end)

    @step
    def end(self):
        for line in self.loud:
            print(f"{line}")
        print(f"done: {', '.join(g[:10] for g in self.greetings)}")


if __name__ == "__main__":
    HelloFlow()
