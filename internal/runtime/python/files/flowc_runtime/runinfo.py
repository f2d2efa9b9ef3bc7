"""The `current` object: what a running step knows about itself.

The runtime fills it in before the step runs, from its command line and these environment
variables (set by the Argo pod or by `flowc run`):

    FLOWC_RUN_ID       current.run_id (default "local")
    FLOWC_TASK_ID      current.task_id (default: the foreach index path, e.g. "2-0", or "0")
    FLOWC_RETRY_COUNT  current.retry_count, the 0-based attempt number (default 0)
    FLOWC_ORIGIN_RUN_ID  current.origin_run_id (default None)
    FLOWC_NAMESPACE    current.namespace (default "user:<user name>", as Metaflow's)
    FLOWC_BRANCH       the @project branch, as Metaflow names it: "prod", "prod.NAME",
                       "test.NAME" or "user.NAME" (`flowc run` sets it, as Metaflow's local run
                       does; in a pod it defaults to @project's branch, else "prod", as the
                       compiled workflow's name has it)

See internal/stepcmd/PROTOCOL.md for the whole protocol.
"""
import os

from .errors import FlowcError


class _NoCards(object):
    """Accepts what a step adds to current.card and drops it: flowc renders no cards."""

    def append(self, *args, **kwargs):
        pass

    def extend(self, *args, **kwargs):
        pass

    def clear(self):
        pass

    def refresh(self, *args, **kwargs):
        pass

    def __getitem__(self, key):
        return self


class Current(object):
    """Facts about the running step; outside a step is_running_flow is False and the rest None."""

    def __init__(self):
        self.flow_name = None
        self.run_id = None
        self.step_name = None
        self.task_id = None
        self.retry_count = 0
        self.origin_run_id = None
        self.is_running_flow = False
        self.parameter_names = []
        self.username = None
        self.namespace = None
        self.tags = frozenset()
        self.project_name = None
        self.branch_name = None
        self.project_flow_name = None
        self.is_production = False
        self.trigger = None
        self.card = _NoCards()

    @property
    def pathspec(self):
        if not self.is_running_flow:
            return None
        return "/".join([self.flow_name, self.run_id, self.step_name, self.task_id])

    def _bind(self, flow_name, step_name, index_path, parameter_names, project=None):
        """Fills in one step's facts; index_path: the foreach indices, outermost first;
        project: the arguments of the flow's @project, or None."""
        self.flow_name = flow_name
        self.step_name = step_name
        self.run_id = os.environ.get("FLOWC_RUN_ID") or "local"
        default_task = "-".join(str(i) for i in index_path) or "0"
        self.task_id = os.environ.get("FLOWC_TASK_ID") or default_task
        self.retry_count = retry_count()
        self.parameter_names = list(parameter_names)
        self.username = os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"
        self.origin_run_id = os.environ.get("FLOWC_ORIGIN_RUN_ID") or None
        self.namespace = os.environ.get("FLOWC_NAMESPACE") or "user:%s" % self.username
        self.tags = frozenset(["user:%s" % self.username, "runtime:flowc"])
        if project is not None:
            self._bind_project(flow_name, project)
        self.is_running_flow = True

    def _bind_project(self, flow_name, project):
        # The branch as flowc names the compiled workflow: @project's branch, "prod" when none is
        # named or production=True (emit/argo's projectOf); FLOWC_BRANCH overrides it.
        branch = project.get("branch") or "prod"
        if project.get("production") is True:
            branch = "prod"
        branch = os.environ.get("FLOWC_BRANCH") or branch
        self.project_name = project.get("name")
        self.branch_name = branch
        # Metaflow's production branches are "prod" and "prod.NAME" (--production --branch NAME).
        self.is_production = branch == "prod" or branch.startswith("prod.")
        self.project_flow_name = "%s.%s.%s" % (self.project_name, branch, flow_name)


def retry_count():
    """Returns the attempt number from FLOWC_RETRY_COUNT, 0 when unset."""
    raw = os.environ.get("FLOWC_RETRY_COUNT", "").strip()
    if not raw:
        return 0
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise FlowcError("FLOWC_RETRY_COUNT=%r is not a non-negative integer" % raw)
    return value


def retry_count_known():
    """Reports whether the pod or `flowc run` told the runtime which attempt this is."""
    return bool(os.environ.get("FLOWC_RETRY_COUNT", "").strip())


current = Current()
