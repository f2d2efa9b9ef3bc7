"""@step and the Metaflow decorators.

The decorators only record their arguments on the function or class they decorate, as
__flowc_decorators__ = [(name, {arg: value}), ...] in source order; flowc's compiler reads the
same arguments from the source and maps them to Argo. At run time only @catch and @retry
matter to the runtime (see step.py); the rest are no-ops in the process.
"""

STEP_MARK = "__flowc_step__"
DECORATORS = "__flowc_decorators__"


def step(func=None, **kwargs):
    """Marks a method of a FlowSpec as a step: @step, or @step(...) with keyword arguments."""

    def mark(f):
        setattr(f, STEP_MARK, dict(kwargs))
        f.is_step = True  # the attribute Metaflow's own tools look for
        return f

    if func is None:
        return mark
    if kwargs or not callable(func):
        raise TypeError("@step takes keyword arguments only")
    return mark(func)


def is_step(func):
    """Reports whether func (a function or a method) was marked with @step."""
    return hasattr(getattr(func, "__func__", func), STEP_MARK)


def decorators_of(obj):
    """Returns the (name, kwargs) pairs recorded on a step function or a flow class."""
    return list(getattr(obj, DECORATORS, ()))


def find(obj, name):
    """Returns the kwargs of decorator name on obj, or None when obj does not carry it."""
    for dec_name, kwargs in decorators_of(obj):
        if dec_name == name:
            return kwargs
    return None


def _record(obj, name, kwargs):
    # Decorators apply bottom-up; prepending keeps the list in source order.
    setattr(obj, DECORATORS, [(name, dict(kwargs))] + decorators_of(obj))
    return obj


def _make(name, doc):
    def decorator(*args, **kwargs):
        if len(args) == 1 and not kwargs and callable(args[0]):
            return _record(args[0], name, {})
        if args:
            raise TypeError("@%s takes keyword arguments only" % name)
        return lambda obj: _record(obj, name, kwargs)

    decorator.__name__ = name
    decorator.__qualname__ = name
    decorator.__doc__ = doc
    return decorator


# Step decorators.
resources = _make("resources", "@resources(cpu=, memory=, gpu=, disk=): the pod's requests.")
kubernetes = _make("kubernetes", "@kubernetes(...): the pod's image, resources and placement.")
batch = _make("batch", "@batch(...): accepted and ignored; flowc runs steps on Kubernetes.")
retry = _make("retry", "@retry(times=3): Argo retries the step; no-op in the process.")
timeout = _make("timeout", "@timeout(seconds=, minutes=, hours=): the step fails with a TimeoutException then.")
catch = _make("catch", "@catch(var=None, print_exception=True): record a failure, go on.")
environment = _make("environment", "@environment(vars={...}): the pod's environment.")
secrets = _make("secrets", "@secrets(sources=[...]): Kubernetes secrets as environment.")
parallel = _make("parallel", "@parallel: refused by flowc's compiler.")
card = _make("card", "@card(...): accepted and ignored; flowc renders no cards.")
conda = _make("conda", "@conda(...): accepted; the image carries the packages.")
pypi = _make("pypi", "@pypi(...): accepted; the image carries the packages.")

# Flow decorators.
schedule = _make("schedule", "@schedule(cron=, daily=, ..., timezone=): a CronWorkflow.")
project = _make("project", "@project(name=): a name prefix and labels.")
conda_base = _make("conda_base", "@conda_base(...): accepted; the image carries the packages.")
pypi_base = _make("pypi_base", "@pypi_base(...): accepted; the image carries the packages.")
trigger = _make("trigger", "@trigger(...): accepted and ignored.")
trigger_on_finish = _make("trigger_on_finish", "@trigger_on_finish(...): accepted and ignored.")
