from metaflow import FlowSpec, get_metadata, kubernetes, retry, step


class HelloCloudFlow(FlowSpec):
    """
    A flow whose middle step asks for its own pod on Kubernetes, with retries.

    flowc run runs every step locally (the resources are for the cluster); flowc compile turns
    @kubernetes into the step's resource requests and @retry into Argo's retryStrategy. On the
    cluster, get_metadata() names the artifact repository the run's records are kept in.

    Run it with: flowc run hello-cloud.py
    """

    @step
    def start(self):
        """Say where this run's metadata is kept."""
        print("HelloCloud is starting.")
        print("")
        print("Using metadata provider: %s" % get_metadata())
        print("")
        print("The start step is running locally. Next, the 'hello' step will run remotely")
        print("on Kubernetes when the flow is applied to a cluster.")
        self.next(self.hello)

    @kubernetes(cpu=1, memory=500)
    @retry(times=2)
    @step
    def hello(self):
        """The step that gets its own pod on the cluster."""
        self.message = "Hi from the cloud!"
        print("Metaflow says: %s" % self.message)
        self.next(self.end)

    @step
    def end(self):
        """Back where the flow started."""
        print("HelloCloud is finished.")


if __name__ == "__main__":
    HelloCloudFlow()
