from metaflow import FlowSpec, IncludeFile, step


class DotFileFlow(FlowSpec):
    secrets = IncludeFile("secrets", default=".env")  # want parameter "IncludeFile \"secrets\" names .env, a dot-file, which flowc never puts into an image"
    creds = IncludeFile("creds", default="conf/.aws/credentials")  # want parameter "names conf/.aws/credentials, a dot-file"

    @step
    def start(self):
        self.next(self.end)

    @step
    def end(self):
        pass
