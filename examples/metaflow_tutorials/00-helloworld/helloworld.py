from metaflow import FlowSpec, step


class HelloFlow(FlowSpec):
    """
    The smallest flow there is: start, one step that says hello, end.

    Run it with: flowc run helloworld.py
    """

    @step
    def start(self):
        """Every flow begins at start."""
        print("HelloFlow is starting.")
        self.next(self.hello)

    @step
    def hello(self):
        """Say hello, and keep a greeting as an artifact."""
        self.greeting = "Metaflow says: Hi!"
        print(self.greeting)
        self.next(self.end)

    @step
    def end(self):
        """Every flow finishes at end."""
        print("HelloFlow is all done.")


if __name__ == "__main__":
    HelloFlow()
