// Accuracy on a whole split (and the test split's confusion matrix) without allocating per image.
import type { Formulation } from '../types'
import { CLASSES as importedClasses, csrOf, type Csr, type MnistSplit } from './data'
import * as model from './model'
import type { MnistParams } from './model'
import { timesW } from './kernels'

/** Rows per x·W1 product: bounds the kernels' memory (a whole split would take 140 MB). */
const CHUNK = 1000

// Local copies: imported bindings compile to getters under tsx and vitest, too slow in hot loops.
const CLASSES = importedClasses
const outputRow = model.outputRow
const argmax = model.argmax
const softmaxInPlace = model.softmaxInPlace

export interface Evaluation {
  accuracy: number
  /** 10x10 counts, row = true label, column = predicted. */
  confusion: number[]
}

export function evaluate(p: MnistParams, split: MnistSplit, formulation: Formulation): Evaluation {
  // The textbook softmax divides by one sum over all rows (it may overflow to inf, as in numpy),
  // so every row's outputs are kept until that sum is known.
  const y = new Float64Array(split.count * CLASSES)
  evaluationOutputs(p, csrOf(split), 0, split.count, y)
  return evaluationOf(y, split.labels, formulation)
}

/**
 * A2 for the rows from..to-1 of x, into y[n*10 ..] (rows outside are left as they are), in
 * products of CHUNK rows counted from `from`: rows computed apart (on several threads, in ranges
 * from evaluationRanges) are the same numbers as rows computed in one call.
 */
export function evaluationOutputs(p: MnistParams, x: Csr, from: number, to: number, y: Float64Array): void {
  const H = p.b1.cols
  const a1 = new Float64Array(CHUNK * H)
  const z1 = new Float64Array(CHUNK * H)
  for (let at = from; at < to; at += CHUNK) {
    const end = Math.min(at + CHUNK, to)
    timesW(x, at, end, p.W1.data, H, a1)
    for (let n = at; n < end; n++) outputRow(p, a1, z1, (n - at) * H, y, n * CLASSES)
  }
}

/** Accuracy and confusion from every row's outputs y (A2, softmaxed here in place as the formulation says). */
export function evaluationOf(y: Float64Array, labels: ArrayLike<number>, formulation: Formulation): Evaluation {
  const count = labels.length
  if (formulation === 'textbook') softmaxInPlace(y, 'textbook')
  const confusion = new Array<number>(CLASSES * CLASSES).fill(0)
  let correct = 0
  for (let n = 0; n < count; n++) {
    // The row-wise softmax is monotone, so the standard model's argmax is taken on A2 directly.
    const guess = argmax(y, n * CLASSES)
    const label = labels[n]
    confusion[label * CLASSES + guess]++
    if (guess === label) correct++
  }
  return { accuracy: correct / count, confusion }
}

/** parts+1 row boundaries cutting `count` rows into about equal ranges, each starting on a CHUNK. */
export function evaluationRanges(count: number, parts: number): number[] {
  const chunks = Math.ceil(count / CHUNK)
  return Array.from({ length: parts + 1 }, (_, part) => Math.min(count, Math.round((chunks * part) / parts) * CHUNK))
}
