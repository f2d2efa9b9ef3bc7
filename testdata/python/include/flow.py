"""IncludeFile with a literal default: the file is read into the build context when the flow is
compiled, and the steps see its contents (text, or bytes with is_text=False)."""
from metaflow import FlowSpec, IncludeFile, step


class IncludeFlow(FlowSpec):
    table = IncludeFile("table", default="data/scores.csv", help="scores, one per line")
    blob = IncludeFile("blob", is_text=False, default="data/blob.bin")

    @step
    def start(self):
        lines = self.table.splitlines()
        self.header = lines[0]
        self.rows = len(lines) - 1
        self.blob_len = len(self.blob)
        self.blob_type = type(self.blob).__name__
        self.next(self.end)

    @step
    def end(self):
        print("rows", self.rows)
