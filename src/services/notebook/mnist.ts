// Section 4.5.3: the two-layer net on MNIST, textbook, standard or twolayernet, numerical or backprop.
import { lossAfterUpdate } from '../../engine/mnist/convention'
import { evaluationCount } from '../../engine/mnist/schedule'
import type { MnistConfig } from '../../shared/config'
import { code, markdown } from './ipynb'
import { backprop, functions, loadMnist, model, numerical, spotCheck } from './mnist-python'
import { pyArray, pyFloat, pyInts } from './python'
import { type Sections, storedSteps } from './sections'
import { trainUntil, type StoredRun } from './stored'
import type { NotebookText } from './text'

/** Seconds per numpy iteration of the vectorised numerical gradient, measured at hidden 64, batch 100 on a 2-core machine. */
const NUMPY_NUMERICAL_SECONDS = 3
/** The same for the lab's engine, and for the chapter's element-by-element loop. */
const LAB_NUMERICAL_SECONDS = 0.1
const NAIVE_NUMERICAL_SECONDS = 33
/** A full train+test evaluation in numpy. */
const EVALUATION_SECONDS = 0.7
const TRAIN_IMAGES = 60000

/** Past about this many iterations a textbook run's rounding differences have grown beyond 1e-10. */
const CHAOS_AFTER = 20

export function mnistSections(s: StoredRun, t: NotebookText): Sections {
  const config = s.run.config as MnistConfig
  const until = trainUntil(s)
  const numericalRun = config.gradient === 'numerical'
  const textbook = config.formulation === 'textbook'
  // the engine's own rule, so the notebook logs the loss where the lab did
  const after = lossAfterUpdate(config.formulation)
  const m = s.metrics
  const evalSteps = m.step.filter((_, i) => !Number.isNaN(m.trainAcc[i]) || !Number.isNaN(m.testAcc[i]))
  const pick = (values: number[]): number[] => m.step.flatMap((step, i) => (evalSteps.includes(step) ? [values[i]] : []))
  const final = s.final && s.final.step === until ? s.final : null
  const evaluations = evaluationCount({ ...config, iterations: until }, TRAIN_IMAGES)
  const scale = (config.hidden / 64) * (config.batch / 100)
  const minutes = (perIteration: number): number => (until * perIteration * scale + evaluations * EVALUATION_SECONDS) / 60

  const lossLine = `    loss = model.loss(x_batch, t_batch)  # ${after ? t.comment.lossAfter : t.comment.lossBefore}\n`
  return {
    imports: ['gzip', 'os', 'time'],
    config: `seed = ${config.seed}
hidden = ${config.hidden}
batch_size = ${config.batch}
iterations = ${config.iterations}
run_until = ${until}${until === config.iterations ? '' : `  # ${t.comment.endedEarly(until)}`}
lr = ${pyFloat(config.lr)}
h = ${pyFloat(config.h)}
gradient_method = '${config.gradient}'
formulation = '${config.formulation}'
eval_every = ${config.evalEvery}
eval_schedule = '${config.evalSchedule ?? 'every'}'
`,
    afterConfig: [
      markdown(t.mnist.data),
      code(loadMnist(t)),
      ...(numericalRun
        ? [markdown(t.mnist.timing(minutes(NUMPY_NUMERICAL_SECONDS), minutes(LAB_NUMERICAL_SECONDS), minutes(NAIVE_NUMERICAL_SECONDS)))]
        : [])
    ],
    functions: [t.mnist.functions(config.formulation), functions(config.formulation)],
    model: [
      t.mnist.model(config.formulation, config.gradient),
      model(config.formulation, t) + '\n' + (numericalRun ? numerical(config.formulation, t) + '\n' + spotCheck(t) : backprop(config.formulation, t))
    ],
    training: [
      t.mnist.training(config.formulation),
      `train_loss_list = []
accuracies = {}
start = time.time()
for i in range(1, run_until + 1):
    batch_idx = np.random.choice(train_size, batch_size)
    x_batch = x_train[batch_idx]
    t_batch = one_hot(y_train[batch_idx])
    grads = gradient(model, x_batch, t_batch)
${after ? '' : lossLine}    for key in ('W1', 'b1', 'W2', 'b2'):
        model.params[key] -= lr * grads[key]
${after ? lossLine : ''}    train_loss_list.append(loss)
    if eval_schedule == 'book':
        evaluate = (i - 1) % max(train_size / batch_size, 1) == 0
    else:
        evaluate = eval_every and i % eval_every == 0
    if evaluate or i == iterations:
        accuracies[i] = (model.accuracy(x_train, y_train), model.accuracy(x_test, y_test))
        print(f'iteration {i}, loss {loss}, train accuracy {accuracies[i][0]}, test accuracy {accuracies[i][1]}')
    elif i % max(1, run_until // 10) == 0:
        print(f'iteration {i}, loss {loss}')
print(f'{time.time() - start:.1f} s')
`
    ],
    stored:
      storedSteps(s) +
      `lab_eval_steps = ${pyInts(evalSteps)}
lab_train_acc = ${pyArray(pick(m.trainAcc))}
lab_test_acc = ${pyArray(pick(m.testAcc))}
` +
      (final
        ? ['W1', 'b1', 'W2', 'b2']
            .map((k) => `lab_${k} = ${pyArray(final.params[k].data, 'float32')}.reshape(${final.params[k].rows}, ${final.params[k].cols})\n`)
            .join('')
        : ''),
    compared: [
      `'${t.label.loss}': relative_difference(np.array(train_loss_list)[lab_steps - 1], lab_loss)`,
      `'${t.label.trainAcc}': relative_difference([accuracies.get(s, (np.nan, np.nan))[0] for s in lab_eval_steps], lab_train_acc)`,
      `'${t.label.testAcc}': relative_difference([accuracies.get(s, (np.nan, np.nan))[1] for s in lab_eval_steps], lab_test_acc)`,
      ...(final
        ? ['W1', 'b1', 'W2', 'b2'].map(
            (k) => `'${t.label.finalParam(k)}': array_difference(model.params['${k}'].reshape(lab_${k}.shape), lab_${k}, initial['${k}'], stored_as=np.float32)`
          )
        : [])
    ],
    compareNote: textbook && until > CHAOS_AFTER ? t.mnist.chaos : t.mnist.rounding
  }
}
