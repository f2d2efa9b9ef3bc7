import numpy as np

from metaflow import FlowSpec, Parameter, step


class MatrixFlow(FlowSpec):
    size = Parameter("size", default=1_000)
    seed = Parameter("seed", default=0x_2A)

    @step
    def start(self):
        rng = np.random.default_rng(self.seed)
        self.a = rng.normal(size=(self.size, 8))
        self.b = rng.normal(size=(8, 8))
        self.next(self.multiply)

    @step
    def multiply(self):
        self.c = self.a @ self.b
        self.c @= np.eye(8)
        self.gram = (self.a.T @ self.a) / 1_000.0
        self.next(self.end)

    @step
    def end(self):
        print(f"{self.c.shape=} {self.gram.trace():.3e}")


if __name__ == "__main__":
    MatrixFlow()
