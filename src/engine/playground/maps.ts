// What the lesson draws over the plane: every feature's and every neuron's output on a square
// grid, and the network's class probabilities there. A grid of `size`² points through the
// network is one forward pass; the lesson keeps grids small (see the views) to stay in budget.
import { gridInputs } from '../truthtable'
import type { Params } from '../types'
import { EXTENT } from './dataset'
import { featureMatrix, type Feature } from './features'
import { forward, type NetworkShape } from './network'

export interface PlaneMaps {
  size: number
  /** One grid per chosen feature (in FEATURES' order). */
  inputs: Float64Array[]
  /** hidden[l][j]: neuron j of hidden layer l+1. */
  hidden: Float64Array[][]
  /** Per grid point, the probability of each class (classes values per point, row-major). */
  probs: Float64Array
  classes: number
}

/** The grid's points, row iy·size + ix at (x1, x2) = (−E + ix·step, −E + iy·step): x1 across, x2 up. */
export const planeGrid = (size: number): [number, number][] => {
  const m = gridInputs({ size, min: -EXTENT, max: EXTENT })
  return Array.from({ length: size * size }, (_, i) => [m.data[2 * i], m.data[2 * i + 1]])
}

const column = (data: Float64Array, cols: number, j: number): Float64Array =>
  Float64Array.from({ length: data.length / cols }, (_, i) => data[i * cols + j])

export function planeMaps(net: NetworkShape, params: Params, features: readonly Feature[], size: number): PlaneMaps {
  const X = featureMatrix(planeGrid(size), features)
  const { A, Y } = forward(net, params, X)
  const K = net.classes
  const probs = new Float64Array(size * size * K)
  for (let i = 0; i < size * size; i++) {
    if (K === 2) {
      probs[2 * i] = 1 - Y.data[i]
      probs[2 * i + 1] = Y.data[i]
    } else for (let k = 0; k < K; k++) probs[i * K + k] = Y.data[i * K + k]
  }
  return {
    size,
    inputs: Array.from({ length: X.cols }, (_, j) => column(X.data, X.cols, j)),
    hidden: A.slice(1).map((a) => Array.from({ length: a.cols }, (_, j) => column(a.data, a.cols, j))),
    probs,
    classes: K
  }
}
