from dataclasses import dataclass, field
from typing import Dict, List, Optional

from metaflow import FlowSpec, JSONType, Parameter, step


@dataclass
class TrainingConfig:
    learning_rate: float = 0.001
    epochs: int = 10
    layers: List[int] = field(default_factory=lambda: [64, 32])
    notes: Optional[str] = None
    tags: Dict[
        str,
        str,
    ] = field(default_factory=dict)


class AnnotatedFlow(FlowSpec):
    learning_rate: float = Parameter("learning-rate", default=0.001, type=float)
    config = Parameter("config", type=JSONType, default='{"epochs": 5}')
    dry_run: bool = Parameter("dry-run", default=False, type=bool, help="only plan")
    counter: int

    @step
    def start(self):
        self.settings: TrainingConfig = TrainingConfig(learning_rate=self.learning_rate)
        self.history: List[float] = []
        self.best: Optional[float]
        self.next(self.train)

    @step
    def train(self):
        losses: List[float] = [1.0 / (e + 1) for e in range(self.settings.epochs)]
        total: float = sum(losses)
        self.history.extend(losses)
        self.mean_loss: float = total / len(losses)
        self.next(self.end)

    @step
    def end(self):
        summary: Dict[str, float] = {"mean": self.mean_loss}
        print(summary)


if __name__ == "__main__":
    AnnotatedFlow()
