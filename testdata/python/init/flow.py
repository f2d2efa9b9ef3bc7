"""A small flow to start from: parameters, a split into two branches and their join, and a
foreach over a list with its join. Run it with: flowc run flow.py --param count=4
"""
from metaflow import FlowSpec, Parameter, step


class InitFlow(FlowSpec):
    greeting = Parameter("greeting", default="hello", help="What each worker says")
    count = Parameter("count", default=3, type=int, help="How many workers")

    @step
    def start(self):
        # A static split: both branches run, in parallel.
        self.next(self.shout, self.whisper)

    @step
    def shout(self):
        self.voice = self.greeting.upper() + "!"
        self.next(self.join_voices)

    @step
    def whisper(self):
        self.voice = self.greeting.lower() + "..."
        self.next(self.join_voices)

    @step
    def join_voices(self, inputs):
        # A join sees each branch's artifacts.
        self.voices = [inputs.shout.voice, inputs.whisper.voice]
        self.next(self.fan_out)

    @step
    def fan_out(self):
        # A foreach: one task of work per element of self.workers.
        self.workers = list(range(self.count))
        self.next(self.work, foreach="workers")

    @step
    def work(self):
        self.line = "worker %d says %s" % (self.input, self.voices[self.input % 2])
        self.next(self.gather)

    @step
    def gather(self, inputs):
        self.lines = [i.line for i in inputs]
        self.next(self.end)

    @step
    def end(self):
        for line in self.lines:
            print(line)


if __name__ == "__main__":
    InitFlow()
