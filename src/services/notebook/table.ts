// What the logic-gate and the XOR notebooks share: the truth-table labels, the epoch loop's
// length (a stopped run ends early), the stored final parameters and predictions.
import type { GateName } from '../../engine/types'
import { pyArray } from './python'
import type { StoredRun } from './stored'
import { trainUntil } from './stored'
import type { NotebookText } from './text'

export const labels: Record<GateName, string> = {
  AND: '[[0], [0], [0], [1]]',
  OR: '[[0], [1], [1], [1]]',
  NAND: '[[1], [1], [1], [0]]',
  XOR: '[[0], [1], [1], [0]]'
}

/** `epochs` as configured, and `run_until`, where the stored run ends. */
export function epochLines(s: StoredRun, configured: number, t: NotebookText): string {
  const until = trainUntil(s)
  return `epochs = ${configured}\nrun_until = ${until}${until === configured ? '' : `  # ${t.comment.endedEarly(until)}`}\n`
}

/** Final parameters as the lab stored them, when it stored them at the step where training ends. */
export function finalParams(s: StoredRun): [name: string, values: ArrayLike<number>][] {
  if (!s.final || s.final.step !== trainUntil(s)) return []
  return Object.entries(s.final.params).map(([name, m]) => [name, m.data])
}

export const storedFinal = (s: StoredRun): string =>
  finalParams(s).map(([name, v]) => `lab_${name} = ${pyArray(v)}\n`).join('') +
  (s.run.status === 'done' && s.run.predictions ? `lab_predictions = ${pyArray(s.run.predictions)}\n` : '')

/**
 * Comparison entries for the final parameters (`ours` names the notebook's array for each; the
 * model cell keeps the starting values in `initial`) and predictions.
 */
export function comparedFinal(s: StoredRun, t: NotebookText, ours: Record<string, string>, predict: string): string[] {
  return [
    ...finalParams(s).map(([name]) => `'${t.label.finalParam(name)}': array_difference(${ours[name]}, lab_${name}, initial['${name}'])`),
    ...(s.run.status === 'done' && s.run.predictions ? [`'${t.label.output('predict(X)')}': relative_difference(${predict}, lab_predictions)`] : [])
  ]
}

export const comparedLoss = (t: NotebookText): string =>
  `'${t.label.loss}': relative_difference(np.array(train_loss_list)[lab_steps - 1], lab_loss)`
