// The playground: its data set drawn again from the seed (or the run's own points), the network
// rebuilt layer by layer, trained epoch by epoch, and compared with the lab's losses,
// accuracies and final weights.
import type { PlaygroundConfig } from '../../shared/kinds'
import { playgroundFunctions, playgroundNetwork, playgroundTraining } from './playground-python'
import { pyArray, pyFloat } from './python'
import { storedSteps, type Sections } from './sections'
import { trainUntil, type StoredRun } from './stored'
import type { NotebookText } from './text'

const pyStr = (s: string): string => `'${s}'`
const pyList = (xs: readonly (string | number)[]): string => `[${xs.join(', ')}]`

export function playgroundSections(s: StoredRun, t: NotebookText): Sections {
  const c = s.run.config as PlaygroundConfig
  const until = trainUntil(s)
  const custom = c.data === 'custom'
  const points = custom
    ? `x_all = ${pyArray(c.custom.flatMap((p) => [p[0], p[1]]))}.reshape(-1, 2)
t_all = np.array(${pyList(c.custom.map((p) => p[2]))}, dtype=int)  # ${t.comment.customPoints}
classes = max(2, int(t_all.max()) + 1)`
    : `x_all, t_all = make_dataset(data, points, classes, noise)`
  const final = s.final && s.final.step === until ? Object.entries(s.final.params) : []
  return {
    imports: [],
    config: `seed = ${c.seed}
data = ${pyStr(c.data)}
classes = ${c.data === 'spiral' ? c.classes : 2}
points = ${c.points}
noise = ${pyFloat(c.noise)}
test_ratio = ${pyFloat(c.testRatio)}
chosen_features = ${pyList(c.features.map(pyStr))}
layers = ${pyList(c.layers)}
activation = ${pyStr(c.activation)}
loss_function = ${pyStr(c.loss)}
init = ${pyStr(c.init)}
learning_rate = ${pyFloat(c.lr)}
batch_size = ${c.batch}
regularization = ${pyStr(c.regularization)}
reg_rate = ${pyFloat(c.regRate)}
method = ${pyStr(c.gradient)}
h = ${pyFloat(c.h)}
epochs = ${c.epochs}
edits = [${c.edits.map((e) => `(${e.epoch}, ${pyStr(e.param)}, ${e.row}, ${e.col}, ${pyFloat(e.value)})`).join(', ')}]  # ${t.comment.edits}
run_until = ${until}${until === c.epochs ? '' : `  # ${t.comment.endedEarly(until)}`}
`,
    functions: [t.playground.functions, playgroundFunctions],
    model: [
      t.playground.model(custom),
      `${playgroundNetwork}
np.random.seed(seed)
${points}
train_rows, test_rows = split(len(t_all), test_ratio)
X = features(x_all, chosen_features)
sizes = [X.shape[1]] + layers + [1 if classes == 2 else classes]
network = init_network(sizes, init)
initial = {key: value.copy() for key, value in network.items()}
apply_edits(network, 0)
print('train', len(train_rows), 'test', len(test_rows), 'layer sizes', sizes)
`
    ],
    training: [t.playground.training, playgroundTraining],
    stored:
      storedSteps(s) +
      `lab_train_acc = ${pyArray(s.metrics.trainAcc)}\nlab_test_acc = ${pyArray(s.metrics.testAcc)}\nlab_test_loss = ${pyArray(s.metrics.testLoss)}\n` +
      final.map(([name, m]) => `lab_${name} = ${pyArray(m.data)}.reshape(${m.rows}, ${m.cols})\n`).join(''),
    compared: [
      `'${t.label.loss}': relative_difference(np.array(train_loss_list)[lab_steps - 1], lab_loss)`,
      `'${t.label.trainAcc}': relative_difference(np.array(train_acc_list)[lab_steps - 1], lab_train_acc)`,
      `'${t.label.testAcc}': relative_difference(np.array(test_acc_list)[lab_steps - 1], lab_test_acc)`,
      `'${t.label.testLoss}': relative_difference(np.array(test_loss_list)[lab_steps - 1], lab_test_loss)`,
      // a bias starts at 0 and may end near it: its differences are measured against its layer's weights
      ...final.map(([name]) => `'${t.label.finalParam(name)}': array_difference(network['${name}'], lab_${name}, ${name.startsWith('b') ? `lab_W${name.slice(1)}` : `initial['${name}']`})`)
    ]
  }
}
