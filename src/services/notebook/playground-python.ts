// Python source of the playground's data and network, in the chapter's style (a dict of W1, b1,
// … and functions over arrays), following src/engine/playground/ step for step: the same draws
// in the same order, the same layers, the same loss and update.

export const playgroundFunctions = `TAU = 2 * np.pi
NOISE_SCALE = 2.5  # noise 1 adds a Gaussian of this standard deviation to each coordinate

def clean_points(data, n, classes):
    i = np.arange(n)
    if data == 'circle':
        u = np.random.rand(n)
        a = np.random.rand(n)
        r = np.where(i % 2 == 1, 2.5 * u, 3.5 + 1.5 * u)
        return np.cos(TAU * a) * r, np.sin(TAU * a) * r, i % 2
    if data == 'xor':
        x = 10 * np.random.rand(2 * n).reshape(n, 2) - 5
        x = np.where(x < 0, x - 0.3, x + 0.3)
        return x[:, 0], x[:, 1], (x[:, 0] * x[:, 1] < 0).astype(int)
    if data == 'gauss':
        g = np.random.randn(2 * n).reshape(n, 2)
        c = np.where(i % 2 == 1, 2.0, -2.0)
        return c + g[:, 0], c + g[:, 1], i % 2
    if data == 'spiral':
        s = np.random.rand(n)
        angle = 1.75 * TAU * s + TAU * (i % classes) / classes
        return 5 * s * np.sin(angle), 5 * s * np.cos(angle), i % classes
    if data == 'moons':
        phi = np.pi * np.random.rand(n)
        x1 = np.where(i % 2 == 0, np.cos(phi), 1 - np.cos(phi))
        x2 = np.where(i % 2 == 0, np.sin(phi), 0.5 - np.sin(phi))
        return 3 * (x1 - 0.5), 3 * (x2 - 0.25), i % 2
    a, b = (i >> 1) % 2, i % 2  # 'gates': the XOR table's points, stretched to (+-2, +-2)
    return 4.0 * a - 2, 4.0 * b - 2, a ^ b

def make_dataset(data, n, classes, noise):
    x1, x2, t = clean_points(data, n, classes)
    e = np.random.randn(2 * n).reshape(n, 2)
    return np.stack([x1 + noise * NOISE_SCALE * e[:, 0], x2 + noise * NOISE_SCALE * e[:, 1]], axis=1), np.asarray(t, dtype=int)

def split(n, test_ratio):
    order = np.random.permutation(n)
    n_test = 0 if n < 2 else min(n - 1, max(1, int(np.floor(n * test_ratio + 0.5))))
    return order[:n - n_test], order[n - n_test:]

FEATURES = {
    'x1': lambda x: x[:, 0], 'x2': lambda x: x[:, 1], 'x1sq': lambda x: x[:, 0] ** 2, 'x2sq': lambda x: x[:, 1] ** 2,
    'x1x2': lambda x: x[:, 0] * x[:, 1], 'sinx1': lambda x: np.sin(x[:, 0]), 'sinx2': lambda x: np.sin(x[:, 1]),
}

def features(x, chosen):
    return np.stack([FEATURES[f](x) for f in FEATURES if f in chosen], axis=1)

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

def softmax(a):
    e = np.exp(a - a.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)

H = {'sigmoid': sigmoid, 'tanh': np.tanh, 'relu': lambda z: np.maximum(z, 0), 'linear': lambda z: z}
DH = {'sigmoid': lambda a: a * (1 - a), 'tanh': lambda a: 1 - a ** 2, 'relu': lambda a: (a > 0) * 1.0, 'linear': lambda a: np.ones_like(a)}
`

export const playgroundNetwork = `def init_network(sizes, init):
    network = {}
    for l in range(1, len(sizes)):
        scale = {'small': 0.01, 'xavier': np.sqrt(1 / sizes[l - 1]), 'he': np.sqrt(2 / sizes[l - 1])}[init]
        network['W%d' % l] = np.random.randn(sizes[l - 1], sizes[l]) * scale
        network['b%d' % l] = np.zeros(sizes[l])
    return network

def apply_edits(network, epoch):
    for after, key, row, col, value in edits:
        if after == epoch:
            np.atleast_2d(network[key])[row, col] = value  # a bias is one row

# A·W is written as its sums of products, added in index order as the lab adds them (numpy's @
# may add them in any order): a difference in the last bit, over thousands of updates, grows.
def dot(A, W):
    s = A[:, 0:1] * W[0:1, :]
    for k in range(1, A.shape[1]):
        s = s + A[:, k:k + 1] * W[k:k + 1, :]
    return s

def batch_sums(A, dz):
    """A.T·dz and the column sums of dz, each summed over the rows in order (one reduction over axis 0)."""
    A1 = np.hstack([A, np.ones((len(A), 1))])
    G = (A1[:, :, None] * dz[:, None, :]).sum(axis=0)
    return G[:-1], G[-1]

def forward(network, x):
    A = [x]
    for l in range(1, len(layers) + 1):
        A.append(H[activation](dot(A[-1], network['W%d' % l]) + network['b%d' % l]))
    L = len(layers) + 1
    z = dot(A[-1], network['W%d' % L]) + network['b%d' % L]
    return A, (sigmoid(z) if classes == 2 else softmax(z))

def one_hot(t, y):
    return t.reshape(-1, 1) * 1.0 if y.shape[1] == 1 else np.eye(y.shape[1])[t]

def data_loss(y, t):
    T = one_hot(t, y)
    if loss_function == 'squared':
        return 0.5 * np.sum((y - T) ** 2) / len(t)
    p_t = np.where(T[:, 0] == 1, y[:, 0], 1 - y[:, 0]) if y.shape[1] == 1 else y[np.arange(len(t)), t]
    return -np.sum(np.log(p_t)) / len(t)

def penalty(network):
    weights = [v for k, v in network.items() if k.startswith('W')]
    if regularization == 'l1':
        return reg_rate * sum(np.sum(np.abs(W)) for W in weights)
    if regularization == 'l2':
        return reg_rate * sum(0.5 * np.sum(W ** 2) for W in weights)
    return 0.0

def backprop_gradient(network, x, t):
    A, y = forward(network, x)
    B = len(t)
    T = one_hot(t, y)
    if loss_function == 'squared':
        g = (y - T) / B
    elif y.shape[1] == 1:
        g = np.where(T == 1, -1 / y, 1 / (1 - y)) / B
    else:
        g = np.where(T == 1, -1 / y, 0) / B
    dz = g * y * (1 - y) if y.shape[1] == 1 else y * (g - np.sum(g * y, axis=1, keepdims=True))
    grads = {}
    for l in range(len(layers) + 1, 0, -1):
        W = network['W%d' % l]
        dW, db = batch_sums(A[l - 1], dz)
        grads['W%d' % l] = dW + (reg_rate * np.sign(W) if regularization == 'l1' else reg_rate * W if regularization == 'l2' else 0)
        grads['b%d' % l] = db
        if l > 1:
            dz = dot(dz, W.T) * DH[activation](A[l - 1])
    return grads

def numerical_gradient(f, x):
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f()
        x[idx] = tmp_val - h
        fxh2 = f()
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
    return grad

def gradient(network, x, t):
    if method == 'backprop':
        return backprop_gradient(network, x, t)
    objective = lambda: data_loss(forward(network, x)[1], t) + penalty(network)
    return {key: numerical_gradient(objective, network[key]) for key in network}

def evaluate(network, rows):
    if len(rows) == 0:
        return 0.0, 0.0
    _, y = forward(network, X[rows])
    predicted = (y[:, 0] >= 0.5).astype(int) if y.shape[1] == 1 else y.argmax(axis=1)
    return data_loss(y, t_all[rows]), float(np.mean(predicted == t_all[rows]))
`

export const playgroundTraining = `train_loss_list, test_loss_list, train_acc_list, test_acc_list = [], [], [], []
for epoch in range(1, run_until + 1):
    n = len(train_rows)
    B = min(batch_size, n)
    order = np.random.permutation(n) if B < n else np.arange(n)
    for start in range(0, n, B):
        rows = train_rows[order[start:start + B]]
        grads = gradient(network, X[rows], t_all[rows])
        for key in network:
            network[key] -= learning_rate * grads[key]
    apply_edits(network, epoch)
    train_loss, train_acc = evaluate(network, train_rows)
    test_loss, test_acc = evaluate(network, test_rows)
    train_loss_list.append(train_loss)
    test_loss_list.append(test_loss)
    train_acc_list.append(train_acc)
    test_acc_list.append(test_acc)
    if epoch % max(1, run_until // 10) == 0 or epoch == run_until:
        print(f'epoch {epoch}: train loss {train_loss:.6f}, test loss {test_loss:.6f}, train acc {train_acc:.3f}, test acc {test_acc:.3f}')
`
