// What makes an output y a probability distribution and a target t usable, as data the UI words
// in its language and the CLI in English. Positions count from 1, as a reader counts entries.

/** A target: the correct class's label, or a one-hot list. */
export type Target = { label: number } | { oneHot: number[] }

export type OutputProblem =
  | { code: 'empty' }
  | { code: 'not-number'; index: number }
  | { code: 'negative'; index: number; value: number }
  | { code: 'above-one'; index: number; value: number }
  | { code: 'sum'; sum: number }

export type TargetProblem =
  | { code: 'label'; label: number; classes: number }
  | { code: 'length'; length: number; classes: number }
  | { code: 'not-one-hot' }

/** y sums to 1 within this: the book's example outputs are written to two decimals. */
const SUM_TOLERANCE = 1e-6

export function checkOutput(y: readonly number[]): OutputProblem | null {
  if (y.length === 0) return { code: 'empty' }
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) return { code: 'not-number', index: i + 1 }
    if (y[i] < 0) return { code: 'negative', index: i + 1, value: y[i] }
    if (y[i] > 1) return { code: 'above-one', index: i + 1, value: y[i] }
  }
  const sum = y.reduce((s, v) => s + v, 0)
  return Math.abs(sum - 1) > SUM_TOLERANCE ? { code: 'sum', sum } : null
}

export function checkTarget(t: Target, classes: number): TargetProblem | null {
  if ('label' in t) {
    return Number.isInteger(t.label) && t.label >= 0 && t.label < classes ? null : { code: 'label', label: t.label, classes }
  }
  if (t.oneHot.length !== classes) return { code: 'length', length: t.oneHot.length, classes }
  const ones = t.oneHot.filter((v) => v === 1).length
  return ones === 1 && t.oneHot.every((v) => v === 0 || v === 1) ? null : { code: 'not-one-hot' }
}

/** One English line for the CLI (the renderer words the same problems in en and ko). */
export function describeOutputProblem(p: OutputProblem): string {
  switch (p.code) {
    case 'empty':
      return 'y is empty: give one probability per class'
    case 'not-number':
      return `entry ${p.index} of y is not a number`
    case 'negative':
      return `entry ${p.index} of y is ${p.value}: a probability is at least 0`
    case 'above-one':
      return `entry ${p.index} of y is ${p.value}: a probability is at most 1`
    case 'sum':
      return `y sums to ${p.sum}: the probabilities of a distribution sum to 1`
  }
}

export function describeTargetProblem(p: TargetProblem): string {
  switch (p.code) {
    case 'label':
      return `the label ${p.label} is not a class: a label is an integer from 0 to ${p.classes - 1}`
    case 'length':
      return `the one-hot target has ${p.length} entries where y has ${p.classes}`
    case 'not-one-hot':
      return 'a one-hot target is all 0 but for a single 1'
  }
}
