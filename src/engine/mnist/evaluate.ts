// Accuracy on a whole split (and the test split's confusion matrix) without allocating per image.
import type { Formulation } from '../types'
import { CLASSES as importedClasses, csrOf, type MnistSplit } from './data'
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
  const x = csrOf(split)
  const H = p.b1.cols
  const a1 = new Float64Array(CHUNK * H)
  const z1 = new Float64Array(CHUNK * H)
  // The textbook softmax divides by one sum over all rows (it may overflow to inf, as in numpy),
  // so every row's outputs are kept until that sum is known.
  const y = new Float64Array(split.count * CLASSES)
  for (let from = 0; from < split.count; from += CHUNK) {
    const to = Math.min(from + CHUNK, split.count)
    timesW(x, from, to, p.W1.data, H, a1)
    for (let n = from; n < to; n++) outputRow(p, a1, z1, (n - from) * H, y, n * CLASSES)
  }
  if (formulation === 'textbook') softmaxInPlace(y, 'textbook')
  const confusion = new Array<number>(CLASSES * CLASSES).fill(0)
  let correct = 0
  for (let n = 0; n < split.count; n++) {
    // The row-wise softmax is monotone, so the standard model's argmax is taken on A2 directly.
    const guess = argmax(y, n * CLASSES)
    const label = split.labels[n]
    confusion[label * CLASSES + guess]++
    if (guess === label) correct++
  }
  return { accuracy: correct / split.count, confusion }
}
