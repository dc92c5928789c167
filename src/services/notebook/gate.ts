// Section 4.5.1: one sigmoid neuron learning a logic gate (numerically, or by backprop).
import type { GateConfig } from '../../shared/config'
import { pyFloat } from './python'
import type { Sections } from './sections'
import type { StoredRun } from './stored'
import { epochLoop, labels, lossMethod, numericalHead, tableSections } from './table'
import type { NotebookText } from './text'

export function gateSections(s: StoredRun, t: NotebookText): Sections {
  const config = s.run.config as GateConfig
  const backprop = config.gradient === 'backprop'
  return tableSections(s, t, {
    config: `gate = '${config.gate}'
Y = np.array(${labels[config.gate]})
lr = ${pyFloat(config.lr)}`,
    epochs: config.epochs,
    model: [
      t.gate.model(backprop),
      `class LogicGate:
    def __init__(self):
        np.random.seed(seed)
        self.weights = np.random.randn(2)
        self.bias = np.random.rand(1)

    def predict(self, x):
        W = self.weights.reshape(-1, 1)
        b = self.bias
        return sigmoid(np.dot(x, W) + b)

${lossMethod}${
  backprop
    ? `
    def get_gradient(self, x, t):
        # ${t.comment.gateBackprop}
        dA = 0.5 * (self.predict(x) - t)
        return np.dot(x.T, dA).ravel(), np.sum(dA, axis=0)
`
    : `
${numericalHead}        grad_W = differential(loss_grad, self.weights)
        grad_b = differential(loss_grad, self.bias)
        return grad_W, grad_b
`
}
model = LogicGate()
initial = {'w': model.weights.copy(), 'b': model.bias.copy()}
`
    ],
    training: [
      t.table.training,
      epochLoop(
        'for i in range(run_until):',
        `    grad_W, grad_b = model.get_gradient(X, Y)
    model.weights -= lr * grad_W
    model.bias -= lr * grad_b`,
        'epoch {i + 1}, loss {loss}, weights {model.weights}, bias {model.bias}'
      )
    ],
    ours: { w: 'model.weights', b: 'model.bias' }
  })
}
