// A playground run's data and starting network, drawn from its seed in a fixed order:
// the generated points, the train/test split, then W1, W2, … (biases start at 0).
import { matrix } from '../linalg'
import { RandomState } from '../random'
import type { Matrix, Params } from '../types'
import type { Init, PlaygroundTraining } from './config'
import { classCount, generate, split, type Point } from './dataset'
import { featureMatrix, labels } from './features'
import { sizes, type NetworkShape } from './network'

export interface Examples {
  points: readonly Point[]
  X: Matrix
  t: Int32Array
}

export interface PlaygroundModel {
  net: NetworkShape
  params: Params
  train: Examples
  test: Examples
  /** The generator, continued by the trainer for each epoch's shuffle. */
  rs: RandomState
}

const SCALE: Record<Init, (nIn: number) => number> = {
  small: () => 0.01,
  xavier: (nIn) => Math.sqrt(1 / nIn),
  he: (nIn) => Math.sqrt(2 / nIn)
}

export function datasetPoints(config: PlaygroundTraining, rs: RandomState): readonly Point[] {
  const { data } = config
  return data === 'custom' ? config.custom : generate({ ...config, data }, rs)
}

/** Spiral: its arms; custom points: their labels'; every other generator: two. */
export const datasetClasses = (config: PlaygroundTraining, points: readonly Point[]): number =>
  config.data === 'custom' ? classCount(points) : config.data === 'spiral' ? config.classes : 2

export function networkShape(config: PlaygroundTraining, classes: number): NetworkShape {
  return { inputs: config.features.length, layers: config.layers, activation: config.activation, classes, loss: config.loss }
}

export function initParams(net: NetworkShape, init: Init, rs: RandomState): Params {
  const params: Params = {}
  const s = sizes(net)
  for (let l = 1; l < s.length; l++) {
    const w = rs.randn(s[l - 1] * s[l])
    const scale = SCALE[init](s[l - 1])
    for (let i = 0; i < w.length; i++) w[i] *= scale
    params[`W${l}`] = matrix(s[l - 1], s[l], w)
    params[`b${l}`] = matrix(1, s[l])
  }
  return params
}

export const examples = (points: readonly Point[], config: PlaygroundTraining): Examples => ({
  points,
  X: featureMatrix(points, config.features),
  t: labels(points)
})

export function playgroundModel(config: PlaygroundTraining): PlaygroundModel {
  const rs = new RandomState(config.seed)
  const points = datasetPoints(config, rs)
  const { train, test } = split(points, config.testRatio, rs)
  const net = networkShape(config, datasetClasses(config, points))
  return { net, params: initParams(net, config.init, rs), train: examples(train, config), test: examples(test, config), rs }
}
