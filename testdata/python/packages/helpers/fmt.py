def rounded(x):
    return round(x, 3)
