from metaflow import FlowSpec, current, project, step


@project(name="demo_project")
class ProjectFlow(FlowSpec):
    """@project names the flow's project. As in Metaflow, a local run is on "user.<name>",
    "test.NAME" with --branch NAME, "prod" with --production (run here with --production)."""

    @step
    def start(self):
        self.project_name = current.project_name
        self.branch_name = current.branch_name
        self.is_production = current.is_production
        self.flow_name = current.flow_name
        self.project_flow_name = current.project_flow_name
        self.next(self.end)

    @step
    def end(self):
        print("project", self.project_name)


if __name__ == "__main__":
    ProjectFlow()
