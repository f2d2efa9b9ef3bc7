"""flowc's stand-in for metaflow.cards: card components are accepted and render nothing, since
flowc has no card viewer; steps that build cards run unchanged."""


class _Component(object):
    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, attr):
        return lambda *args, **kwargs: self


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return _Component
