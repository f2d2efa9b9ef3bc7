"""A sibling module of the flow, imported as `import helper`."""


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


def double(v):
    return 2 * v
