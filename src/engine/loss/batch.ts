// 4.2.3-4.2.4: a mini-batch drawn with np.random.choice, and its cross-entropy in the book's two
// forms, one-hot targets (-Σ t log(y + δ) / N) and label targets (-Σ log(y[n, t_n] + δ) / N).
// The outputs are those of the book's TwoLayerNet right after its initialisation (weights
// 0.01·randn drawn after the batch), so the loss sits near log 10: an untrained net guesses.
import { crossEntropyErrorBatch } from '../functions'
import { CLASSES, PIXELS, type MnistSplit } from '../mnist/data'
import { initParams } from '../mnist/model'
import { predict } from '../mnist/predict'
import { RandomState } from '../random'
import type { Matrix } from '../types'
import { CEE_DELTA, oneHot } from './terms'

export const batchCrossEntropyOneHot = (y: Matrix, t: ArrayLike<number>): number => crossEntropyErrorBatch(y, t)

export function batchCrossEntropyLabels(y: Matrix, labels: ArrayLike<number>): number {
  let s = 0
  for (let n = 0; n < y.rows; n++) s += Math.log(y.data[n * y.cols + labels[n]] + CEE_DELTA)
  return -s / y.rows
}

export interface MiniBatchLoss {
  /** np.random.choice(train_size, batch_size) after np.random.seed(seed). */
  indices: number[]
  labels: number[]
  /** batch_size x 10 class probabilities. */
  y: Matrix
  ceeOneHot: number
  ceeLabels: number
}

/** The batch of `batchSize` training digits for `seed`, and its loss under a fresh 784-`hidden`-10 net. */
export function miniBatchLoss(train: MnistSplit, seed: number, batchSize: number, hidden: number): MiniBatchLoss {
  const rng = new RandomState(seed)
  const indices = rng.choice(train.count, batchSize)
  const params = initParams(rng, hidden)
  const images = new Float32Array(batchSize * PIXELS)
  indices.forEach((i, n) => images.set(train.images.subarray(i * PIXELS, (i + 1) * PIXELS), n * PIXELS))
  const y: Matrix = { rows: batchSize, cols: CLASSES, data: predict(params, images, batchSize, 'standard') }
  const labels = indices.map((i) => train.labels[i])
  return {
    indices,
    labels,
    y,
    ceeOneHot: batchCrossEntropyOneHot(y, labels.flatMap((l) => oneHot(l, CLASSES))),
    ceeLabels: batchCrossEntropyLabels(y, labels)
  }
}
