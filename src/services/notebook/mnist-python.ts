// The MNIST notebook's Python: reading the IDX files, the two-layer net in any formulation,
// and its gradient (backprop, or numerical in the vectorised form described at numerical()).
// twolayernet shares standard's softmax and loss (so its numerical gradient too) and differs in
// the backprop gradient at A2 and in when the loss is logged (mnist.ts).
import type { Formulation } from '../../engine/types'
import { numericalGradient1d, sigmoid } from './chapter'
import type { NotebookText } from './text'

/** Reads the four IDX files, raw or gzipped, from $MNIST_DIR or ./mnist, as load_mnist(normalize=True). */
export const loadMnist = (t: NotebookText): string => `MNIST_DIR = os.environ.get('MNIST_DIR') or 'mnist'

def read_idx(name):
    # ${t.comment.idxNames}
    for stem in (name, name.replace('-idx', '.idx')):
        for suffix, opener in (('', open), ('.gz', gzip.open)):
            path = os.path.join(MNIST_DIR, stem + suffix)
            if os.path.exists(path):
                with opener(path, 'rb') as f:
                    return f.read()
    raise FileNotFoundError(${JSON.stringify(t.missingMnist)}.format(name=name, folder=os.path.abspath(MNIST_DIR)))

def load_images(name):
    pixels = np.frombuffer(read_idx(name), dtype=np.uint8, offset=16)
    return pixels.reshape(-1, 784).astype(np.float32) / np.float32(255.0)

def load_labels(name):
    return np.frombuffer(read_idx(name), dtype=np.uint8, offset=8)

x_train, y_train = load_images('train-images-idx3-ubyte'), load_labels('train-labels-idx1-ubyte')
x_test, y_test = load_images('t10k-images-idx3-ubyte'), load_labels('t10k-labels-idx1-ubyte')
train_size = x_train.shape[0]
print(x_train.shape, x_train.dtype, x_test.shape)
`

/** The chapter's functions for this formulation of the loss. */
export function functions(formulation: Formulation): string {
  const loss =
    formulation === 'textbook'
      ? `def softmax(a):
    exp_a = np.exp(a)
    sum_exp_a = np.sum(exp_a)
    return exp_a / sum_exp_a

def cross_entropy_error_for_bin(pred_y, true_y):
    return 0.5 * np.sum((-true_y * np.log(pred_y) - (1 - true_y) * np.log(1 - pred_y)))
`
      : `def softmax(a):
    c = np.max(a, axis=1, keepdims=True)
    exp_a = np.exp(a - c)
    return exp_a / np.sum(exp_a, axis=1, keepdims=True)

def cross_entropy_error_for_batch(pred_y, true_y):
    delta = 1e-7
    batch_size = pred_y.shape[0]
    return -np.sum(true_y * np.log(pred_y + delta)) / batch_size
`
  return `${sigmoid}\n${loss}\ndef one_hot(labels):\n    t = np.zeros((labels.size, 10))\n    t[np.arange(labels.size), labels] = 1\n    return t\n`
}

/** The net: parameters, forward pass, loss, accuracy; the gradient method is added to it below. */
export function model(formulation: Formulation, t: NotebookText): string {
  const textbook = formulation === 'textbook'
  return `class TwoLayerNet:
    def __init__(self):
        np.random.seed(seed)
        self.params = {}
        self.params['W1'] = 0.01 * np.random.randn(784, hidden)
        self.params['b1'] = np.zeros(hidden)
        self.params['W2'] = 0.01 * np.random.randn(hidden, 10)
        self.params['b2'] = np.zeros(10)

    def forward(self, x):
        A1 = np.dot(x, self.params['W1']) + self.params['b1']
        Z1 = sigmoid(A1)
        A2 = np.dot(Z1, self.params['W2']) + self.params['b2']
        return A1, Z1, A2

    def predict(self, x):
        return softmax(self.forward(x)[2])

    def loss(self, x, true_y):
        return ${textbook ? 'cross_entropy_error_for_bin' : 'cross_entropy_error_for_batch'}(self.predict(x), true_y)

    def accuracy(self, x, labels):
        # ${t.comment.chunks}
        A2 = np.concatenate([self.forward(x[i:i + 10000])[2] for i in range(0, x.shape[0], 10000)])
        ${textbook ? `y = softmax(A2)  # ${t.comment.wholeSoftmax}` : `y = A2  # ${t.comment.rowSoftmax}`}
        return np.sum(np.argmax(y, axis=1) == labels) / float(x.shape[0])

model = TwoLayerNet()
initial = {key: value.copy() for key, value in model.params.items()}
`
}

/**
 * Backpropagation: the exact derivative of this formulation's loss, except twolayernet's, which is
 * the book's Softmax-with-Loss backward (y - t)/B, as the lab's engine computes it.
 */
export function backprop(formulation: Formulation, t: NotebookText): string {
  const output =
    formulation === 'textbook'
      ? `    # ${t.comment.textbookBackprop}
    e = np.exp(A2)
    S = np.sum(e)
    R1 = np.sum((1 - t) / (S - e))
    dA2 = 0.5 * (t.size * e / S - t - e * R1 + (1 - t) * e / (S - e))`
      : formulation === 'twolayernet'
        ? `    # ${t.comment.twolayernetBackprop}
    y = softmax(A2)
    dA2 = (y - t) / x.shape[0]`
        : `    # ${t.comment.standardBackprop}
    y = softmax(A2)
    y_t = np.sum(y * t, axis=1, keepdims=True)
    dA2 = (y - t) * (y_t / (y_t + 1e-7) / x.shape[0])`
  return `def gradient(model, x, t):
    p = model.params
    A1, Z1, A2 = model.forward(x)
${output}
    dA1 = np.dot(dA2, p['W2'].T) * Z1 * (1 - Z1)
    return {'W1': np.dot(x.T, dA1), 'b1': dA1.sum(axis=0), 'W2': np.dot(Z1.T, dA2), 'b2': dA2.sum(axis=0)}
`
}

/**
 * The chapter's central differences for every parameter, many parameters at a time. Nudging one
 * parameter changes A2 in a known way (one hidden unit, or one output column); the loss change
 * is computed from those changes with expm1/log1p, so it keeps its precision instead of being the
 * difference of two large losses. The steps are the ones numerical_gradient takes: fl(w+h) - w
 * and fl(w-h) - w, divided by 2h.
 */
export function numerical(formulation: Formulation, t: NotebookText): string {
  const lossChange =
    formulation === 'textbook'
      ? `    def loss_change(dA2):
        # ${t.comment.textbookChange}
        de = e * np.expm1(dA2)
        dS = de.sum(axis=(1, 2))[:, None, None]
        dy = (de - y * dS) / (S + dS)
        return 0.5 * np.sum(-t * np.log1p(dy / y) - (1 - t) * np.log1p(-dy / (1 - y)), axis=(1, 2))`
      : `    def loss_change(dA2):
        # ${t.comment.standardChange}
        de = e * np.expm1(dA2)
        ds = de.sum(axis=2)[:, :, None]
        dy = np.sum((de - y * ds) / (s + ds) * t, axis=2)
        return -np.sum(np.log1p(dy / (y_t + 1e-7)), axis=1) / B`
  const state =
    formulation === 'textbook'
      ? `    e = np.exp(A2)
    S = np.sum(e)
    y = e / S`
      : `    e = np.exp(A2 - np.max(A2, axis=1, keepdims=True))
    s = np.sum(e, axis=1, keepdims=True)
    y = e / s
    y_t = np.sum(y * t, axis=1)`
  return `def gradient(model, x, t):
    p = model.params
    W1, b1, W2, b2 = p['W1'], p['b1'], p['W2'], p['b2']
    A1, Z1, A2 = model.forward(x)
    B = x.shape[0]
${state}

${lossChange}

    def central(w, change):
        return (change((w + h) - w) - change((w - h) - w)) / (2 * h)

    def hidden_change(j, d):
        # ${t.comment.hiddenChange}
        with np.errstate(over='ignore', invalid='ignore'):
            E = np.exp(-A1[:, j])
            dz = -E * np.expm1(-d) * Z1[:, j] / (1 + E * np.exp(-d))
        # ${t.comment.saturated}
        dz = np.where(np.isinf(E), sigmoid(A1[:, j] + d) - Z1[:, j], dz)
        return loss_change(dz[:, :, None] * W2[j])

    def output_change(k, d):
        dA2 = np.zeros(d.shape + (10,))
        dA2[:, :, k] = d
        return loss_change(dA2)

    grads = {key: np.zeros_like(value) for key, value in p.items()}
    pixels = np.flatnonzero(x.any(axis=0))  # ${t.comment.zeroPixels}
    xs = x[:, pixels].T.astype(np.float64)
    chunk = max(1, 200000 // (10 * B))  # ${t.comment.memory}
    for j in range(hidden):
        for c in range(0, pixels.size, chunk):
            rows = pixels[c:c + chunk]
            grads['W1'][rows, j] = central(W1[rows, j], lambda step: hidden_change(j, xs[c:c + chunk] * step[:, None]))
        grads['b1'][j] = central(b1[j:j + 1], lambda step: hidden_change(j, np.ones((1, B)) * step[:, None]))[0]
    for k in range(10):
        grads['W2'][:, k] = central(W2[:, k], lambda step: output_change(k, Z1.T * step[:, None]))
        grads['b2'][k] = central(b2[k:k + 1], lambda step: output_change(k, np.ones((1, B)) * step[:, None]))[0]
    return grads
`
}

/** The chapter's own numerical_gradient on a few weights, next to the vectorised one. */
export const spotCheck = (t: NotebookText): string => `${numericalGradient1d}
x_check, t_check = x_train[:batch_size], one_hot(y_train[:batch_size])  # ${t.comment.checkBatch}
fast = gradient(model, x_check, t_check)
row = int(np.argmax(x_check.sum(axis=0)))  # ${t.comment.brightest}
slow = numerical_gradient_1d(lambda w: model.loss(x_check, t_check), model.params['W1'][row, :3])
print('numerical_gradient:', slow)
print('vectorised:        ', fast['W1'][row, :3])
`
