// Section 4.5.2: the two-layer XOR network, trained through a schedule of learning rates.
import type { Xor2Config } from '../../shared/config'
import { scheduleEpochs } from '../../shared/kinds'
import { pyFloat } from './python'
import type { Sections } from './sections'
import type { StoredRun } from './stored'
import { epochLoop, labels, lossMethod, numericalHead, tableSections } from './table'
import type { NotebookText } from './text'

export function xor2Sections(s: StoredRun, t: NotebookText): Sections {
  const config = s.run.config as Xor2Config
  const backprop = config.gradient === 'backprop'
  const schedule = config.schedule.map((seg) => `(${pyFloat(seg.lr)}, ${seg.epochs})`).join(', ')
  return tableSections(s, t, {
    config: `Y = np.array(${labels.XOR})
schedule = [${schedule}]  # ${t.comment.schedule}`,
    epochs: scheduleEpochs(config.schedule),
    model: [
      t.xor2.model(backprop),
      `class XOR:
    def __init__(self):
        np.random.seed(seed)
        self.params = {}
        self.params['W1'] = np.random.randn(2)
        self.params['b1'] = np.random.rand(2)
        self.params['W2'] = np.random.randn(2)
        self.params['b2'] = np.random.rand(1)

    def forward(self, x):
        W1, W2 = self.params['W1'].reshape(-1, 1), self.params['W2'].reshape(-1, 1)
        b1, b2 = self.params['b1'], self.params['b2']
        A1 = np.dot(x, W1) + b1  # ${t.comment.xorBroadcast}
        Z1 = sigmoid(A1)
        A2 = np.dot(Z1, W2) + b2
        return Z1, sigmoid(A2)

    def predict(self, x):
        return self.forward(x)[1]

${lossMethod}${
  backprop
    ? `
    def get_gradient(self, x, t):
        Z1, pred_y = self.forward(x)
        dA2 = 0.5 * (pred_y - t)  # ${t.comment.gateBackprop}
        dA1 = np.dot(dA2, self.params['W2'].reshape(1, -1)) * Z1 * (1 - Z1)
        ds = dA1.sum(axis=1, keepdims=True)  # ${t.comment.xorShared}
        return {'W1': np.dot(x.T, ds).ravel(), 'b1': dA1.sum(axis=0),
                'W2': np.dot(Z1.T, dA2).ravel(), 'b2': dA2.sum(axis=0)}
`
    : `
${numericalHead}        grads = {}
        for key in ['W1', 'b1', 'W2', 'b2']:
            grads[key] = differential(loss_grad, self.params[key])
        return grads
`
}
model = XOR()
initial = {key: value.copy() for key, value in model.params.items()}
`
    ],
    training: [
      t.xor2.training,
      `learning_rates = [lr for lr, n in schedule for _ in range(n)][:run_until]\n` +
        epochLoop(
          'for i, lr in enumerate(learning_rates):',
          `    grads = model.get_gradient(X, Y)
    for key in ['W1', 'b1', 'W2', 'b2']:
        model.params[key] -= lr * grads[key]`,
          'epoch {i + 1}, lr {lr}, loss {loss}'
        )
    ],
    ours: Object.fromEntries(['W1', 'b1', 'W2', 'b2'].map((k) => [k, `model.params['${k}']`]))
  })
}
