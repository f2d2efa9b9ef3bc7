from metaflow import FlowSpec, current, project, step


@project(name="demo")
class ProjectFlow(FlowSpec):
    @step
    def start(self):
        self.facts = {
            "run_id": current.run_id,
            "task_id": current.task_id,
            "retry_count": current.retry_count,
            "origin_run_id": current.origin_run_id,
            "flow_name": current.flow_name,
            "step_name": current.step_name,
            "project_name": current.project_name,
            "branch_name": current.branch_name,
            "project_flow_name": current.project_flow_name,
            "is_production": current.is_production,
            "namespace": current.namespace,
            "tags": sorted(current.tags),
            "trigger": current.trigger,
        }
        self.next(self.end)

    @step
    def end(self):
        pass
