from metaflow import FlowSpec, step


class WindowsFlow(FlowSpec):
    @step
    def start(self):
        self.path = f"C:\\data\\{self.__class__.__name__}"
        self.size: int = 1_024
        self.next(self.end)

    @step
    def end(self):
        print(f"""{self.path}
{self.size}""")


if __name__ == "__main__":
    WindowsFlow()
