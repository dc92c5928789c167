"""Time of one full evaluation pass as the notebook does it every iteration: textbook accuracy on
the 60,000 training and 10,000 test images (784-64-10). Prints JSON."""
import json
import time

from mnist import load
from textbook import accuracy, init


def main():
    x_train, y_train, x_test, y_test = load()
    p = init()
    start = time.perf_counter()
    train_acc = accuracy(p, x_train, y_train)
    test_acc = accuracy(p, x_test, y_test)
    ms = (time.perf_counter() - start) * 1000
    print(json.dumps({'ms': ms, 'trainAcc': float(train_acc), 'testAcc': float(test_acc)}))


main()
