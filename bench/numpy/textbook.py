"""The notebook's textbook two-layer net (section 4.5.3), as written there: whole-matrix softmax,
cross_entropy_error_for_bin, in-place numerical gradient."""
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def init(hidden=64, seed=1):
    np.random.seed(seed)
    return {
        'W1': 0.01 * np.random.randn(784, hidden),
        'b1': np.zeros(hidden),
        'W2': 0.01 * np.random.randn(hidden, 10),
        'b2': np.zeros(10),
    }


def predict(p, x):
    a2 = np.dot(sigmoid(np.dot(x, p['W1']) + p['b1']), p['W2']) + p['b2']
    e = np.exp(a2)
    return e / np.sum(e)


def loss(p, x, t):
    y = predict(p, x)
    return 0.5 * np.sum((-t * np.log(y) - (1 - t) * np.log(1 - y)))


def accuracy(p, x, labels):
    return np.sum(np.argmax(predict(p, x), axis=1) == labels) / float(x.shape[0])
