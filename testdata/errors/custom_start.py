from metaflow import FlowSpec, step


class CustomStartFlow(FlowSpec):  # want no-start "no start step" want no-end "no end step"
    @step(start=True, end=True)  # want decorator "custom start and end steps\) is not supported yet"
    def only(self):  # want missing-next "only"
        pass
