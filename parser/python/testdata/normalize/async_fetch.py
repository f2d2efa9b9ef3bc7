import asyncio

from metaflow import FlowSpec, step


async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()


async def fetch_all(urls):
    results = []
    async with Session() as session:
        for url in urls:
            results.append(await fetch(session, url))
        async for event in session.events():
            print(event)
    pages = [page async for page in stream(urls)]
    return results + pages


class Session:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(0)

    async def get(self, url):
        await asyncio.sleep(0)

    def events(self):
        return stream([])


async def stream(items):
    for item in items:
        yield item


class AsyncFlow(FlowSpec):
    @step
    def start(self):
        self.urls = ["https://example.com/a", "https://example.com/b"]
        self.next(self.download)

    @step
    def download(self):
        self.pages = asyncio.run(fetch_all(self.urls))
        self.next(self.end)

    @step
    def end(self):
        print(len(self.pages))


if __name__ == "__main__":
    AsyncFlow()
