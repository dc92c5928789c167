// What the logic-gate and the XOR notebooks share: the truth-table labels, the epoch loop's
// length (a stopped run ends early), the stored final parameters and predictions.
import type { GateName } from '../../engine/types'
import type { GateConfig, Xor2Config } from '../../shared/config'
import { pyArray, pyFloat } from './python'
import { tableFunctions } from './chapter'
import { storedSteps, type Explained, type Sections } from './sections'
import { trainUntil, type StoredRun } from './stored'
import type { NotebookText } from './text'

export const labels: Record<GateName, string> = {
  AND: '[[0], [0], [0], [1]]',
  OR: '[[0], [1], [1], [1]]',
  NAND: '[[1], [1], [1], [0]]',
  XOR: '[[0], [1], [1], [0]]'
}

/** `epochs` as configured, `run_until` where the notebook's training stops, and the gradient settings. */
function epochSettings(s: StoredRun, config: GateConfig | Xor2Config, configured: number, t: NotebookText): string {
  const until = trainUntil(s)
  return `epochs = ${configured}
run_until = ${until}${until === configured ? '' : `  # ${t.comment.endedEarly(until)}`}
h = ${pyFloat(config.h)}
gradient = '${config.gradient}'
log_every = ${config.logEvery}
`
}

/** The chapter's loss method, and the opening of its numerical get_gradient (a loss of the parameters). */
export const lossMethod = `    def loss(self, x, true_y):
        pred_y = self.predict(x)
        return cross_entropy_error_for_bin(pred_y, true_y)
`
export const numericalHead = `    def get_gradient(self, x, t):
        def loss_grad(grad):
            return self.loss(x, t)
`

/** The epoch loop: `head` opens it (defining i, and lr where it changes), `update` takes and applies the gradient. */
export const epochLoop = (head: string, update: string, progress: string): string => `train_loss_list = []
${head}
${update}
    loss = model.loss(X, Y)
    train_loss_list.append(loss)
    if (i + 1) % max(1, epochs // 10) == 0 or i + 1 == run_until:
        print(f'${progress}')

print(model.predict(X))
`

/** Final parameters as the lab stored them, when it stored them at the step where training ends. */
function finalParams(s: StoredRun): [name: string, values: ArrayLike<number>][] {
  if (!s.final || s.final.step !== trainUntil(s)) return []
  return Object.entries(s.final.params).map(([name, m]) => [name, m.data])
}

const storedFinal = (s: StoredRun): string =>
  finalParams(s).map(([name, v]) => `lab_${name} = ${pyArray(v)}\n`).join('') +
  (s.run.status === 'done' && s.run.predictions ? `lab_predictions = ${pyArray(s.run.predictions)}\n` : '')

/**
 * Comparison entries for the final parameters (`ours` names the notebook's array for each; the
 * model cell keeps the starting values in `initial`) and predictions.
 */
function comparedFinal(s: StoredRun, t: NotebookText, ours: Record<string, string>, predict: string): string[] {
  return [
    ...finalParams(s).map(([name]) => `'${t.label.finalParam(name)}': array_difference(${ours[name]}, lab_${name}, initial['${name}'])`),
    ...(s.run.status === 'done' && s.run.predictions ? [`'${t.label.output('predict(X)')}': relative_difference(${predict}, lab_predictions)`] : [])
  ]
}

const comparedLoss = (t: NotebookText): string =>
  `'${t.label.loss}': relative_difference(np.array(train_loss_list)[lab_steps - 1], lab_loss)`

/** What a truth-table notebook says itself: its config lines after the seed, its model cell and training cell, and the notebook's array for each stored parameter. */
export interface TableNotebook {
  config: string
  epochs: number
  model: Explained
  training: Explained
  ours: Record<string, string>
}

/** A truth-table notebook's sections: the seed, its own config and the epoch settings; the chapter's functions; its model and training; the stored values and their comparison. */
export const tableSections = (s: StoredRun, t: NotebookText, own: TableNotebook): Sections => {
  const config = s.run.config as GateConfig | Xor2Config
  return {
    imports: [],
    config: `seed = ${config.seed}
${own.config}
${epochSettings(s, config, own.epochs, t)}`,
    functions: [t.table.functions, tableFunctions],
    model: own.model,
    training: own.training,
    stored: storedSteps(s) + storedFinal(s),
    compared: [comparedLoss(t), ...comparedFinal(s, t, own.ours, 'model.predict(X).ravel()')]
  }
}
