// 4.2.3-4.2.4: a mini-batch drawn with np.random.choice, and its cross-entropy in the book's two
// forms, one-hot targets (-Σ t log(y + δ) / N) and label targets (-Σ log(y[n, t_n] + δ) / N).
// The outputs are those of the book's TwoLayerNet right after its initialisation (weights
// 0.01·randn drawn after the batch), so the loss sits near log 10: an untrained net guesses.
import { crossEntropyErrorBatch } from '../functions'
import { CLASSES } from '../mnist/data'
import { initParams, type MnistParams } from '../mnist/model'
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

export interface MiniBatch {
  /** np.random.choice(train_size, batch_size) right after np.random.seed(seed). */
  indices: number[]
  /** The book's TwoLayerNet(784, hidden, 10) drawn next from the same generator. */
  params: MnistParams
}

export function drawMiniBatch(seed: number, trainSize: number, batchSize: number, hidden: number): MiniBatch {
  const rng = new RandomState(seed)
  const indices = rng.choice(trainSize, batchSize)
  return { indices, params: initParams(rng, hidden) }
}

/** Pixel bytes 0..255 as load_mnist(normalize=True) gives them: float32(p / 255). */
export const normalisePixels = (bytes: ArrayLike<number>): Float32Array => Float32Array.from(bytes, (p) => p / 255)

export interface BatchLoss {
  /** batch_size x 10 class probabilities. */
  y: Matrix
  ceeOneHot: number
  ceeLabels: number
}

/** The net's outputs for the batch's images (float32, batch_size x 784) and both cross-entropies. */
export function batchLoss(params: MnistParams, images: Float32Array, labels: readonly number[]): BatchLoss {
  const y: Matrix = { rows: labels.length, cols: CLASSES, data: predict(params, images, labels.length, 'standard') }
  return {
    y,
    ceeOneHot: batchCrossEntropyOneHot(y, labels.flatMap((l) => oneHot(l, CLASSES))),
    ceeLabels: batchCrossEntropyLabels(y, labels)
  }
}
