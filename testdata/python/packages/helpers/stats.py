from .fmt import rounded


def mean(xs):
    return rounded(sum(xs) / len(xs))
