// Section 4.5.1: one sigmoid neuron learning a logic gate (numerically, or by backprop).
import type { GateConfig } from '../../engine/types'
import { tableFunctions } from './chapter'
import { pyFloat } from './python'
import { type Sections, storedSteps } from './sections'
import type { StoredRun } from './stored'
import { comparedFinal, comparedLoss, epochLines, labels, storedFinal } from './table'
import type { NotebookText } from './text'

export function gateSections(s: StoredRun, t: NotebookText): Sections {
  const config = s.run.config as GateConfig
  const backprop = config.gradient === 'backprop'
  return {
    imports: [],
    config: `seed = ${config.seed}
gate = '${config.gate}'
Y = np.array(${labels[config.gate]})
lr = ${pyFloat(config.lr)}
${epochLines(s, config.epochs, t)}h = ${pyFloat(config.h)}
gradient = '${config.gradient}'
log_every = ${config.logEvery}
`,
    functions: [t.table.functions, tableFunctions],
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

    def loss(self, x, true_y):
        pred_y = self.predict(x)
        return cross_entropy_error_for_bin(pred_y, true_y)
${
  backprop
    ? `
    def get_gradient(self, x, t):
        # ${t.comment.gateBackprop}
        dA = 0.5 * (self.predict(x) - t)
        return np.dot(x.T, dA).ravel(), np.sum(dA, axis=0)
`
    : `
    def get_gradient(self, x, t):
        def loss_grad(grad):
            return self.loss(x, t)
        grad_W = differential(loss_grad, self.weights)
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
      `train_loss_list = []
for i in range(run_until):
    grad_W, grad_b = model.get_gradient(X, Y)
    model.weights -= lr * grad_W
    model.bias -= lr * grad_b
    loss = model.loss(X, Y)
    train_loss_list.append(loss)
    if (i + 1) % max(1, epochs // 10) == 0 or i + 1 == run_until:
        print(f'epoch {i + 1}, loss {loss}, weights {model.weights}, bias {model.bias}')

print(model.predict(X))
`
    ],
    stored: storedSteps(s) + storedFinal(s),
    compared: [
      comparedLoss(t),
      ...comparedFinal(s, t, { w: 'model.weights', b: 'model.bias' }, 'model.predict(X).ravel()')
    ]
  }
}
