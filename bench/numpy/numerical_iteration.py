"""Time of one textbook numerical-gradient iteration done the notebook's way (two full losses per
parameter, 784-64-10, batch 100), measured on a sample of parameters and extrapolated to all
50,890: the whole iteration takes about a minute or more here. Prints JSON."""
import json
import time

import numpy as np

from mnist import load, one_hot
from textbook import init, loss

SAMPLE = 400


def main():
    x_train, y_train, _, _ = load()
    p = init()
    idx = np.random.choice(60000, 100)
    x, t = x_train[idx], one_hot(y_train[idx])
    total = sum(v.size for v in p.values())
    # the sample is spread over every parameter array in proportion to its size
    order = [(k, q) for k in p for q in range(p[k].size)]
    sample = [order[i] for i in np.linspace(0, len(order) - 1, SAMPLE).astype(int)]
    h = 1e-4
    start = time.perf_counter()
    for k, q in sample:
        flat = p[k].reshape(-1)
        tmp = flat[q]
        flat[q] = float(tmp) + h
        fxh1 = loss(p, x, t)
        flat[q] = tmp - h
        fxh2 = loss(p, x, t)
        _ = (fxh1 - fxh2) / (2 * h)
        flat[q] = tmp
    per_param = (time.perf_counter() - start) / SAMPLE
    print(json.dumps({'ms': per_param * total * 1000, 'sampled': SAMPLE, 'parameters': total}))


main()
