import tempfile

from metaflow import FlowSpec, step


class FilesFlow(FlowSpec):
    @step
    def start(self):
        with (
            tempfile.TemporaryFile() as src,
            tempfile.TemporaryFile() as dst,
        ):
            src.write(b"payload")
            src.seek(0)
            dst.write(src.read())
            dst.seek(0)
            self.size = len(dst.read())
        with (open(__file__) as own):
            self.lines = sum(1 for _ in own)
        self.next(self.end)

    @step
    def end(self):
        try:
            check(self.size)
        except* ValueError as group:
            print(f"{len(group.exceptions)} value errors")
        except* (TypeError, KeyError):
            print("other")


def check(size):
    if size < 0:
        raise ExceptionGroup("bad", [ValueError(size)])


if __name__ == "__main__":
    FilesFlow()
