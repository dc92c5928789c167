"""One epoch (600 iterations) of standard backprop SGD on MNIST, 784-64-10, batch 100, lr 0.1.
Prints the wall time in ms of the training loop (data loading excluded) and the test accuracy."""
import json
import time

import numpy as np

from mnist import load, one_hot


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def train(x_train, y_train, epochs=1):
    """Returns the trained parameters and the wall time in ms of the training loop."""
    t_train = one_hot(y_train)
    np.random.seed(1)
    W1 = 0.01 * np.random.randn(784, 64)
    b1 = np.zeros(64)
    W2 = 0.01 * np.random.randn(64, 10)
    b2 = np.zeros(10)
    lr, batch = 0.1, 100
    start = time.perf_counter()
    for _ in range(epochs * 60000 // batch):
        idx = np.random.choice(60000, batch)
        x, t = x_train[idx], t_train[idx]
        z1 = sigmoid(x @ W1 + b1)
        a2 = z1 @ W2 + b2
        e = np.exp(a2 - a2.max(axis=1, keepdims=True))
        y = e / e.sum(axis=1, keepdims=True)
        da2 = (y - t) / batch
        dW2 = z1.T @ da2
        db2 = da2.sum(axis=0)
        da1 = (da2 @ W2.T) * z1 * (1 - z1)
        dW1 = x.T @ da1
        db1 = da1.sum(axis=0)
        W1 -= lr * dW1
        b1 -= lr * db1
        W2 -= lr * dW2
        b2 -= lr * db2
    return (W1, b1, W2, b2), (time.perf_counter() - start) * 1000


def test_accuracy(params, x_test, y_test):
    W1, b1, W2, b2 = params
    return float(np.mean(np.argmax(sigmoid(x_test @ W1 + b1) @ W2 + b2, axis=1) == y_test))


if __name__ == '__main__':
    x_train, y_train, x_test, y_test = load()
    params, ms = train(x_train, y_train)
    print(json.dumps({'ms': ms, 'testAcc': test_accuracy(params, x_test, y_test)}))
