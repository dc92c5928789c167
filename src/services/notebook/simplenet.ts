// Section 4.4.2's SimpleNet: the configuration, the net, gradient-descent steps on one example,
// and the lab's stored losses, W and dW.
import type { SimpleNetConfig } from '../../shared/config'
import { simpleNetFunctions } from './chapter'
import { pyArray, pyFloat } from './python'
import { type Sections, storedSteps } from './sections'
import type { StoredRun } from './stored'
import type { NotebookText } from './text'

export function simpleNetSections(s: StoredRun, t: NotebookText): Sections {
  const config = s.run.config as SimpleNetConfig
  const final = s.final
  const W = config.W ? `\nW_edited = ${pyArray(config.W)}.reshape(2, 3)  # ${t.comment.editedW}` : ''
  return {
    imports: [],
    config: `seed = ${config.seed}
x = np.array([${config.x.map(pyFloat).join(', ')}])
t = np.array([${config.t.join(', ')}])
h = ${pyFloat(config.h)}
delta = ${config.formulation === 'book' ? '1e-7' : '1e-4'}
lr = ${pyFloat(config.lr)}
steps = ${config.steps}${W}
`,
    functions: [t.simplenet.functions, simpleNetFunctions],
    model: [
      t.simplenet.model,
      `class SimpleNet:
    def __init__(self):
        np.random.seed(seed)
        self.W = np.random.randn(2, 3)

    def predict(self, x):
        return np.dot(x, self.W)

    def loss(self, x, t):
        z = self.predict(x)
        y = softmax(z)
        return cross_entropy_error(y, t)

net = SimpleNet()${config.W ? '\nnet.W = W_edited.copy()' : ''}
initial_W = net.W.copy()
print(net.W)
`
    ],
    training: [
      t.simplenet.training,
      `def f(W):
    return net.loss(x, t)

train_loss_list = [net.loss(x, t)]  # ${t.comment.stepZero}
for i in range(steps):
    net.W -= lr * numerical_gradient(f, net.W)
    train_loss_list.append(net.loss(x, t))

dW = numerical_gradient(f, net.W)
y = softmax(net.predict(x))
print('loss', train_loss_list[-1])
print('dW', dW)
`
    ],
    stored: `${storedSteps(s)}${final ? `lab_W = ${pyArray(final.params.W.data)}.reshape(2, 3)\n` : ''}${
      final?.grads ? `lab_dW = ${pyArray(final.grads.dW.data)}.reshape(2, 3)\n` : ''
    }${s.run.predictions ? `lab_y = ${pyArray(s.run.predictions)}\n` : ''}`,
    compared: [
      `'${t.label.loss}': relative_difference(np.array(train_loss_list)[lab_steps], lab_loss)`,
      ...(final ? [`'${t.label.finalParam('W')}': array_difference(net.W, lab_W, initial_W)`] : []),
      ...(final?.grads ? [`'${t.label.finalParam('dW')}': array_difference(dW, lab_dW)`] : []),
      ...(s.run.predictions ? [`'${t.label.output('y')}': relative_difference(y, lab_y)`] : [])
    ]
  }
}
