"""Trains the playground run whose configuration (JSON) is the first argument, every epoch
evaluated on the training and test sets as the engine's trainer does, with the fixtures' numpy
network (fixtures/make_playground_fixtures.py). Prints the wall time in ms of the training."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures'))
from make_playground_fixtures import train  # noqa: E402

if __name__ == '__main__':
    config = json.loads(sys.argv[1])
    start = time.perf_counter()
    train(config)
    print(json.dumps({'ms': (time.perf_counter() - start) * 1000}))
