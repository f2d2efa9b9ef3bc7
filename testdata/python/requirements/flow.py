"""@pypi_base and @conda_base packages go into the image's requirements.txt; a step whose own
@pypi or @conda packages differ gets its own image; conda-only packages are left out with a
warning that names them."""
from metaflow import FlowSpec, conda, conda_base, pypi, pypi_base, step


@pypi_base(packages={"requests": "2.32.3", "pyyaml": ">=6.0"}, python="3.11")
@conda_base(libraries={"cudatoolkit": "11.8"})
class RequirementsFlow(FlowSpec):
    @step
    def start(self):
        self.next(self.train, self.score)

    @pypi(packages={"scikit-learn": "1.5.0"})
    @step
    def train(self):
        self.next(self.join)

    @conda(libraries={"pandas": "2.2.2", "conda-forge::ffmpeg": ""})
    @step
    def score(self):
        self.next(self.join)

    @step
    def join(self, inputs):
        self.next(self.end)

    @step
    def end(self):
        pass
